import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An `Idempotency-Key` of a user and the answer stored for it (see IdempotencyInterceptor). `user_id` is not a
 * foreign key: core does not know the users' table, and a key is worthless once its user is gone.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'idempotency_key_pkey' }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'idempotency_key_pkey' }) key!: string;
  @Column({ type: 'varchar', length: 8 }) method!: string;
  @Column({ type: 'varchar', length: 300 }) path!: string;
  @Column({ name: 'request_hash', type: 'char', length: 64 }) requestHash!: string;
  /** Null while the first request with the key is still running. */
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) response!: unknown;
  @Column({ type: 'varchar', length: 40, nullable: true }) etag!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
