import { Column, CreateDateColumn, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// The columns most tables have, with the constraint names PostgreSQL gives them (the migrations were written with
// those names, the schema drift test holds the entities to them): one place instead of a copy in every entity.

/** `id uuid` primary key of `table` (constraint `<table>_pkey`), filled by the database. */
export function UuidPrimaryKey(table: string): PropertyDecorator {
  return PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: `${table}_pkey` });
}

/** `created_at timestamptz DEFAULT now()`, set on insert. */
export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' });
}

/**
 * A `uuid` column `column` of `table` referencing `refTable`(id), its constraint `<table>_<column>_fkey`: NOT NULL
 * unless `nullable`, NO ACTION on delete unless `onDelete` says otherwise; `primary`: (part of) the table's key
 * `<table>_pkey` too, as in a table of one row per referenced row, or of its pieces.
 */
export function UuidReference(
  table: string,
  column: string,
  refTable: string,
  opts: { nullable?: boolean; onDelete?: 'CASCADE' | 'SET NULL'; primary?: boolean } = {},
): PropertyDecorator {
  const foreignKey = ForeignKey(refTable, { name: `${table}_${column}_fkey`, ...(opts.onDelete ? { onDelete: opts.onDelete } : {}) });
  const column_ = opts.primary
    ? PrimaryColumn({ name: column, type: 'uuid', primaryKeyConstraintName: `${table}_pkey` })
    : Column({ name: column, type: 'uuid', ...(opts.nullable ? { nullable: true } : {}) });
  // as `@ForeignKey(…) @Column(…)` written over the property: the column first
  return (target, key) => {
    column_(target, key);
    foreignKey(target, key);
  };
}
