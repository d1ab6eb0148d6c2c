import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * 等保三级 audit log: append-only (the trigger audit_log_no_change / audit_log_no_truncate of the migration
 * Security1732600000000 refuses UPDATE, DELETE and TRUNCATE; triggers are not part of an entity) and hash-chained:
 * each row's hash covers the previous row's. `user_id` is not a foreign key: the log outlives deleted users.
 */
@Entity('audit_log')
@Unique('audit_log_hash_key', ['hash'])
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_user_idx', ['userId', 'id'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) username!: string | null;
  @Column({ type: 'varchar', length: 100 }) event!: string;
  @Column({ name: 'object_type', type: 'varchar', length: 32, nullable: true }) objectType!: string | null;
  @Column({ name: 'object_id', type: 'varchar', length: 100, nullable: true }) objectId!: string | null;
  @Column({ type: 'varchar', length: 16 }) result!: string;
  @Column({ name: 'client_ip', type: 'varchar', length: 64, nullable: true }) clientIp!: string | null;
  @Column({ type: 'jsonb', nullable: true }) details!: Record<string, unknown> | null;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}
