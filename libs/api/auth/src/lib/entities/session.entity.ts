import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import { Column, Entity, Index, Unique } from 'typeorm';

/** A login session; only the SHA-256 of the bearer token is stored. */
@Entity('user_session')
@Unique('user_session_token_hash_key', ['tokenHash'])
@Index('user_session_user_idx', ['userId'])
export class SessionEntity {
  @UuidPrimaryKey('user_session') id!: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash!: string;
  @UuidReference('user_session', 'user_id', 'app_user', { onDelete: 'CASCADE' })
  userId!: string;
  @CreatedAtColumn() createdAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
