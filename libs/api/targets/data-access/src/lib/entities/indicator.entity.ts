import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One 三级 row of a goal's table; the 指标值 is kept as typed and parsed on read. */
@Entity('indicator')
@Index('indicator_goal_idx', ['goalId', 'position'])
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'indicator_pkey' }) id!: string;
  @ForeignKey('project_goal', { name: 'indicator_goal_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 50 }) level1!: string;
  @Column({ type: 'varchar', length: 50 }) level2!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ name: 'target_raw', type: 'varchar', length: 500 }) targetRaw!: string;
  @Column({ type: 'boolean', default: false }) core!: boolean;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) weight!: string | null;
}
