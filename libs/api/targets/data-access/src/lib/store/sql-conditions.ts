/**
 * The conditions of a hand-written WHERE and their parameters, numbered as they are added: `add('p.year = ?', 2025)`
 * becomes `p.year = $n` with 2025 as parameter n (the list and the dashboard build their filters with it).
 */
export function sqlConditions(params: unknown[] = []): { where: string[]; params: unknown[]; add(sql: string, value: unknown): void } {
  const where: string[] = [];
  return {
    where,
    params,
    add(sql, value) {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    },
  };
}
