import { type Framework, normaliseLevelName } from '@pt/domain';

/**
 * The rows of a table as the printed forms show them: grouped by 一级 in the framework's order, inside each 一级 by
 * 二级 in the framework's order, and otherwise in the entered order (a stable sort). A 一级 or 二级 the framework
 * does not know follows the known ones, in the order it first appears. Only the exports group: the editor keeps the
 * order the user entered, so a table entered out of order still prints each 一级 as one merged block.
 */
export function groupRows<T extends { level1: string; level2: string }>(rows: readonly T[], framework: Framework | undefined): T[] {
  const groups = framework?.groups ?? [];
  const level1Rank = new Map<string, number>();
  groups.forEach((g, i) => level1Rank.set(normaliseLevelName(g.name), i));
  const level2Rank = new Map<string, Map<string, number>>();
  for (const g of groups) level2Rank.set(normaliseLevelName(g.name), new Map(g.children.map((c, i) => [normaliseLevelName(c), i])));

  // unknown names rank after the known ones, by first appearance
  const firstSeen1 = new Map<string, number>();
  const firstSeen2 = new Map<string, number>();
  rows.forEach((r, i) => {
    const l1 = normaliseLevelName(r.level1);
    if (!firstSeen1.has(l1)) firstSeen1.set(l1, i);
    const key2 = `${l1}\u0000${normaliseLevelName(r.level2)}`;
    if (!firstSeen2.has(key2)) firstSeen2.set(key2, i);
  });
  const known = groups.length;
  const rank1 = (r: T) => {
    const l1 = normaliseLevelName(r.level1);
    return level1Rank.get(l1) ?? known + (firstSeen1.get(l1) ?? 0);
  };
  const rank2 = (r: T) => {
    const l1 = normaliseLevelName(r.level1);
    const l2 = normaliseLevelName(r.level2);
    const children = level2Rank.get(l1);
    const byFramework = children?.get(l2);
    return byFramework ?? (children?.size ?? 0) + (firstSeen2.get(`${l1}\u0000${l2}`) ?? 0);
  };
  return rows
    .map((row, index) => ({ row, index, r1: rank1(row), r2: rank2(row) }))
    .sort((a, b) => a.r1 - b.r1 || a.r2 - b.r2 || a.index - b.index)
    .map((x) => x.row);
}
