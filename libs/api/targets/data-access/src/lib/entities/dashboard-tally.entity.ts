import type { ProjectStatus, TotalGrade } from '@pt/domain';
import type { TargetKindKey } from '@pt/shared/contracts';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * The dashboard's tallies, which triggers keep (migration 1734400000000 says how); the code only reads them by SQL.
 * Described here for the drift test and the row types.
 */

/** A target's part in the tallies as last counted: what a change takes back out. */
@Entity('dashboard_tally_key')
export class DashboardTallyKeyEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'dashboard_tally_key_pkey' }) projectId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: TargetKindKey;
  @Column({ type: 'varchar', length: 16 }) status!: ProjectStatus;
  @Column({ name: 'e_status', type: 'varchar', length: 16, nullable: true }) eStatus!: ProjectStatus | null;
  @Column({ type: 'varchar', length: 2, nullable: true }) grade!: TotalGrade | null;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true }) score!: string | null;
  @Column({ type: 'boolean' }) red!: boolean;
}

/** Appended counts of a year's targets under an organisation (`scope_id`: its own and those below) by group. */
@Entity('dashboard_tally')
@Index('dashboard_tally_scope_idx', ['year', 'scopeId'])
export class DashboardTallyEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'dashboard_tally_pkey' }) id!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'scope_id', type: 'uuid' }) scopeId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: TargetKindKey;
  @Column({ type: 'varchar', length: 16 }) status!: ProjectStatus;
  @Column({ name: 'e_status', type: 'varchar', length: 16, nullable: true }) eStatus!: ProjectStatus | null;
  @Column({ type: 'varchar', length: 2, nullable: true }) grade!: TotalGrade | null;
  /** The self-evaluation's total score in tens, 0..9 (100 in 9). */
  @Column({ type: 'smallint', nullable: true }) tens!: number | null;
  @Column({ type: 'boolean' }) red!: boolean;
  @Column({ type: 'integer' }) n!: number;
  @Column({ name: 'score_sum', type: 'numeric', precision: 14, scale: 2 }) scoreSum!: string;
}

/** An organisation's own evaluated targets of a year: count, score sum and average, by kind ('*': every kind). */
@Entity('dashboard_unit_score')
@Index('dashboard_unit_score_rank_idx', ['year', 'kind', 'average'], { where: 'n > 0' })
export class DashboardUnitScoreEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'dashboard_unit_score_pkey' }) year!: number;
  @PrimaryColumn({ name: 'org_id', type: 'uuid', primaryKeyConstraintName: 'dashboard_unit_score_pkey' }) orgId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'dashboard_unit_score_pkey' }) kind!: TargetKindKey | '*';
  @Column({ type: 'integer' }) n!: number;
  @Column({ name: 'score_sum', type: 'numeric', precision: 14, scale: 2 }) scoreSum!: string;
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true }) average!: string | null;
}
