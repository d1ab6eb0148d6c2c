import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The lockout counter of one user name from one client address (strangers elsewhere cannot lock the account). */
@Entity('login_attempt')
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'login_attempt_pkey' }) username!: string;
  @Column({ type: 'integer', default: 0 }) failures!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @PrimaryColumn({ name: 'client_ip', type: 'varchar', length: 64, default: '', primaryKeyConstraintName: 'login_attempt_pkey' }) clientIp!: string;
}
