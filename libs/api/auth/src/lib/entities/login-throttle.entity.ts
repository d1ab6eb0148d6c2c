import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The failed logins of one client address whatever the user names, in a sliding window. */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'client_ip', type: 'varchar', length: 64, primaryKeyConstraintName: 'login_throttle_pkey' }) clientIp!: string;
  @Column({ type: 'integer', default: 0 }) failures!: number;
  @Column({ name: 'window_start', type: 'timestamptz', default: () => 'now()' }) windowStart!: Date;
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true }) blockedUntil!: Date | null;
}
