import type { Role } from '@pt/domain';
import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An account: its roles and organisation; `version` is the optimistic lock of the administrator's edits. */
@Entity('app_user')
@Unique('app_user_username_key', ['username'])
@Index('app_user_org_idx', ['orgId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'app_user_pkey' }) id!: string;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  /** Never read with the user: only the login and the password change select it explicitly. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false }) passwordHash!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles!: Role[];
  @ForeignKey('org', { name: 'app_user_org_id_fkey' })
  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Set when an administrator creates or resets the account: the next login must change the password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword!: boolean;
}
