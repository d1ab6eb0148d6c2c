import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** 指标库: a common indicator of a framework's 一级/二级, counted each time a project uses it. */
@Entity('indicator_library')
@Unique('indicator_library_framework_code_level1_level2_name_key', ['frameworkCode', 'level1', 'level2', 'name'])
export class IndicatorLibraryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'indicator_library_pkey' }) id!: string;
  @Column({ name: 'framework_code', type: 'varchar', length: 32 }) frameworkCode!: string;
  @Column({ type: 'varchar', length: 50 }) level1!: string;
  @Column({ type: 'varchar', length: 50 }) level2!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) target!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) source!: string | null;
  @Column({ name: 'usage_count', type: 'integer', default: 0 }) usageCount!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
