import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per transition, written in the transaction of the transition. */
@Entity('project_history')
export class ProjectHistory {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName!: string;
  @Column({ type: 'varchar', length: 16 }) action!: string;
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true }) toStatus!: string | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
}
