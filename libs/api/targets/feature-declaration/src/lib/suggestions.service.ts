import { Injectable } from '@nestjs/common';
import { LIBRARY_COLUMNS, type LibraryRow, loadGoals, TargetStore, toLibraryIndicator } from '@pt/api/targets/data-access';
import { nameSimilarity } from '@pt/domain';
import type { LibraryIndicator, Suggestions, UserSummary } from '@pt/shared/contracts';

/** 填报建议: the library's common rows for uncovered 二级, projects with a similar name, last year's same-name project. */
@Injectable()
export class SuggestionsService {
  constructor(private readonly store: TargetStore) {}

  async suggestions(user: UserSummary, id: string): Promise<Suggestions> {
    const ds = this.store.dataSource;
    const row = await this.store.findVisible(user, id);
    const project = await this.store.toProject(user, row);
    const covered = new Set(project.indicators.map((i) => `${i.level1}|${i.level2}`));
    const usedNames = new Set(project.indicators.map((i) => i.name));
    // the stored usage_count here (the library page counts the rows instead: too slow for a suggestion)
    const lib: LibraryRow[] = await ds.query(`SELECT ${LIBRARY_COLUMNS}, l.usage_count FROM indicator_library l WHERE l.framework_code = $1`, [row.framework_code]);
    const library: LibraryIndicator[] = lib
      .filter((l) => !usedNames.has(l.name))
      .sort(
        (x, y) =>
          Number(covered.has(`${x.level1}|${x.level2}`)) - Number(covered.has(`${y.level1}|${y.level2}`)) ||
          y.usage_count - x.usage_count ||
          nameSimilarity(row.name, y.name) - nameSimilarity(row.name, x.name),
      )
      .slice(0, 30)
      .map(toLibraryIndicator);
    const orgIds = await this.store.scope.visibleOrgIds(user);
    const others: { id: string; name: string; year: number; org_name: string; org_id: string }[] = await ds.query(
      `SELECT p.id, p.name, p.year, o.name AS org_name, p.org_id FROM project p JOIN org o ON o.id = p.org_id
        WHERE p.org_id = ANY($1::uuid[]) AND p.id <> $2 AND p.framework_code = $3`,
      [orgIds, id, row.framework_code],
    );
    const similar = others
      .map((o) => ({ ...o, similarity: nameSimilarity(row.name, o.name) }))
      .filter((o) => o.similarity >= 0.3)
      .sort((x, y) => y.similarity - x.similarity || y.year - x.year)
      .slice(0, 5);
    const goals = similar.length ? await loadGoals(ds.manager, similar.map((s) => s.id)) : [];
    const lastYear = others
      .filter((o) => o.org_id === row.org_id && o.year === row.year - 1 && o.name.trim() === row.name.trim())
      .map((o) => ({ id: o.id, name: o.name, year: o.year }))[0];
    let lastYearCount = 0;
    if (lastYear) {
      const [c] = await ds.query(
        `SELECT count(*)::int AS n FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.kind = 'annual' AND g.year = $2`,
        [lastYear.id, lastYear.year],
      );
      lastYearCount = c.n;
    }
    return {
      library,
      similarProjects: similar.map((s) => ({
        id: s.id,
        name: s.name,
        year: s.year,
        orgName: s.org_name,
        similarity: Math.round(s.similarity * 100) / 100,
        indicators: (goals.find((g) => g.projectId === s.id && g.kind === 'annual' && g.year === s.year)?.indicators ?? []).map((i) => ({
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          target: i.target.raw,
        })),
      })),
      lastYear: lastYear ? { ...lastYear, indicatorCount: lastYearCount } : null,
    };
  }
}
