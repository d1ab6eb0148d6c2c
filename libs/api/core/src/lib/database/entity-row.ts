/**
 * Row types of hand-written SQL, derived from the TypeORM entity that describes the table, so that a renamed or
 * misspelt column fails to compile instead of reading `undefined`.
 *
 * Convention (checked for every entity by apps/api/test/schema-drift.e2e-spec.ts): an entity's properties are
 * exactly its columns (no relation properties; foreign keys are declared with `@ForeignKey`), and each column's
 * name is the snake_case of its property (`fundAnnualOther` ↔ `fund_annual_other`, `level1` ↔ `level1`).
 *
 *   const PROJECT_COLS = columns<ProjectEntity>()('id', 'org_id', 'fund_total');
 *   type Row = RowOf<typeof PROJECT_COLS>;          // { id: string; org_id: string; fund_total: string | null }
 *   `SELECT ${PROJECT_COLS.sql('p')} FROM project p` // "p.id, p.org_id, p.fund_total"
 *   type Joined = PickRow<ProjectEntity, 'id' | 'year'> & { org_name: SnakeRow<OrgEntity>['name'] };
 */

/** `fundAnnualOther` → `fund_annual_other` (digits and lower-case letters are kept as they are). */
export type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;

/** The runtime twin of {@link SnakeCase}, used to check the naming convention of every entity. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The properties of an entity that are data, not methods. */
type DataKeys<E> = { [K in keyof E]-?: E[K] extends (...args: never[]) => unknown ? never : K }[keyof E] & string;

/** The row of `SELECT *` from the entity's table: its columns under their snake_case names, with the entity's types. */
export type SnakeRow<E> = { [K in DataKeys<E> as SnakeCase<K>]: E[K] };

/** The column names of an entity's table. */
export type ColumnOf<E> = keyof SnakeRow<E> & string;

/** Some columns of an entity's table: `PickRow<ProjectEntity, 'id' | 'year'>`; an unknown column fails to compile. */
export type PickRow<E, C extends ColumnOf<E>> = Pick<SnakeRow<E>, C>;

/** A checked list of columns of one table, with its SQL select list; see {@link columns}. */
export interface ColumnList<E, C extends ColumnOf<E>> {
  readonly names: readonly C[];
  /** `a, b, c`, or `p.a, p.b, p.c` with a table alias. */
  sql(alias?: string): string;
  /** Type-only: the row these columns read (use `RowOf<typeof list>`). */
  readonly __row?: PickRow<E, C>;
}

/** The row type read by a {@link ColumnList}. */
export type RowOf<L> = L extends ColumnList<infer E, infer C> ? PickRow<E, C> : never;

/**
 * A list of columns of the entity's table, checked at compile time (curried so that the entity is given and the
 * names are inferred): `columns<ProjectEntity>()('id', 'year')`.
 */
export function columns<E>() {
  return <C extends ColumnOf<E>>(...names: C[]): ColumnList<E, C> => {
    const frozen = Object.freeze([...names]);
    return {
      names: frozen,
      sql: (alias?: string) => frozen.map((n) => (alias ? `${alias}.${n}` : n)).join(', '),
    };
  };
}
