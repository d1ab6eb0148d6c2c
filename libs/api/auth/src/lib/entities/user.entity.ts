import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { Role } from '@pt/domain';
import { Column, Entity, Index, Unique } from 'typeorm';

/** An account: its roles and organisation; `version` is the optimistic lock of the administrator's edits. */
@Entity('app_user')
@Unique('app_user_username_key', ['username'])
@Index('app_user_org_idx', ['orgId'])
export class UserEntity {
  @UuidPrimaryKey('app_user') id!: string;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  /** Never read with the user: only the login and the password change select it explicitly. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false }) passwordHash!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles!: Role[];
  @UuidReference('app_user', 'org_id', 'org')
  orgId!: string;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @CreatedAtColumn() createdAt!: Date;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Set when an administrator creates or resets the account: the next login must change the password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword!: boolean;
}
