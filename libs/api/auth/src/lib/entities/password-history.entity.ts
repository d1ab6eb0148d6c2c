import { UuidReference } from '@pt/api/core';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The previous password hashes of an account (a new password may not repeat the last ones). */
@Entity('password_history')
@Index('password_history_user_idx', ['userId', 'id'])
export class PasswordHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'password_history_pkey' }) id!: string;
  @UuidReference('password_history', 'user_id', 'app_user', { onDelete: 'CASCADE' })
  userId!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 200 }) passwordHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt!: Date;
}
