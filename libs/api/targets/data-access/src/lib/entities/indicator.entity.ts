import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One 三级 row of a goal's table; the 指标值 is kept as typed and parsed on read. */
@Entity('indicator')
export class Indicator {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'goal_id', type: 'uuid' }) goalId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 50 }) level1!: string;
  @Column({ type: 'varchar', length: 50 }) level2!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ name: 'target_raw', type: 'varchar', length: 500 }) targetRaw!: string;
  @Column({ type: 'boolean', default: false }) core!: boolean;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) weight!: string | null;
}
