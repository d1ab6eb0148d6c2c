import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { advisoryXactLock, ApiHttpException, containsPattern, parseIfMatch, UUID_RE } from '@pt/api/core';
import { FrameworkStore } from '@pt/api/frameworks';
import { LIBRARY_COLUMNS, type LibraryRow, toLibraryIndicator } from '@pt/api/targets/data-access';
import { findGroup, INDICATOR_META_KEYS, isPlaceholderRow, normaliseLevelName, REFERENCE_TABLES, textOrNull, type IndicatorMeta } from '@pt/domain';
import type { CreateLibraryIndicatorDto, LibraryIndicator, LibraryPage, ListLibraryQueryDto, UpdateLibraryIndicatorDto, UserSummary } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** usage_count is counted by SELECT (the rows of every target with the entry's name), not the stored column. */
const SELECT = `SELECT ${LIBRARY_COLUMNS},
  (SELECT count(*)::int FROM indicator i WHERE i.name = l.name) AS usage_count FROM indicator_library l`;

/** The four description fields as stored: trimmed, blank as null; a field left out keeps `cur`'s (null on create). */
function metaValues(dto: IndicatorMeta, cur: IndicatorMeta | null): (string | null)[] {
  return INDICATOR_META_KEYS.map((k) => {
    const v = dto[k];
    if (v === undefined) return cur?.[k] ?? null;
    return textOrNull(v);
  });
}

/** The indicator library (指标库): common indicators by framework, 一级 and 二级; searchable; admin-editable. */
@Injectable()
export class LibraryService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Library');

  constructor(
    private readonly dataSource: DataSource,
    private readonly frameworks: FrameworkStore,
  ) {}

  /** On an empty library, draw it from the reference tables (independent of the demo data). */
  async onApplicationBootstrap(): Promise<void> {
    const n = await this.seedIfEmpty();
    if (n) this.logger.log(`指标库已从参考表初始化：${n} 条指标`);
  }

  async seedIfEmpty(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await advisoryXactLock(m, 'librarySeed');
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM indicator_library');
      if (n > 0) return 0;
      const seen = new Set<string>();
      let count = 0;
      for (const t of REFERENCE_TABLES) {
        for (const r of t.rows) {
          if (isPlaceholderRow(r) || r.name.trim() === '') continue;
          const level1 = normaliseLevelName(r.level1);
          const level2 = normaliseLevelName(r.level2);
          const key = `${t.frameworkCode}|${level1}|${level2}|${r.name.trim()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await m.query(
            `INSERT INTO indicator_library (framework_code, level1, level2, name, target, source) VALUES ($1, $2, $3, $4, $5, $6)`,
            [t.frameworkCode, level1, level2, r.name.trim(), r.target.trim() || null, `${t.year}年 ${t.name}`],
          );
          count++;
        }
      }
      return count;
    });
  }

  async list(q: ListLibraryQueryDto): Promise<LibraryPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace(/\?/g, `$${params.length}`));
    };
    if (q.frameworkCode) add('l.framework_code = ?', q.frameworkCode);
    if (q.level1) add('l.level1 = ?', normaliseLevelName(q.level1));
    if (q.level2) add('l.level2 = ?', normaliseLevelName(q.level2));
    if (q.q && q.q.trim()) {
      add(`(l.name ILIKE ? ESCAPE '\\' OR l.target ILIKE ? ESCAPE '\\' OR l.level2 ILIKE ? ESCAPE '\\')`, containsPattern(q.q.trim()));
    }
    const w = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM indicator_library l WHERE ${w}`, params);
    const rows: LibraryRow[] = await this.dataSource.query(
      `SELECT * FROM (${SELECT} WHERE ${w}) x ORDER BY usage_count DESC, level1, level2, name LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toLibraryIndicator), total, page, pageSize };
  }

  async create(user: UserSummary, dto: CreateLibraryIndicatorDto): Promise<LibraryIndicator> {
    this.assertAdmin(user);
    const { level1, level2 } = await this.checkLevels(dto.frameworkCode, dto.level1, dto.level2);
    const exists = await this.dataSource.query(`SELECT 1 FROM indicator_library WHERE framework_code = $1 AND level1 = $2 AND level2 = $3 AND name = $4`, [
      dto.frameworkCode,
      level1,
      level2,
      dto.name.trim(),
    ]);
    if (exists.length) throw new ApiHttpException(409, 'DUPLICATE', '指标库中已有同一二级指标下的同名指标');
    const [row] = await this.dataSource.query(
      `INSERT INTO indicator_library (framework_code, level1, level2, name, target, source, explanation, basis, scoring_rule, data_source)
       VALUES ($1, $2, $3, $4, $5, '管理员添加', $6, $7, $8, $9) RETURNING id`,
      [dto.frameworkCode, level1, level2, dto.name.trim(), dto.target?.trim() || null, ...metaValues(dto, null)],
    );
    return this.get(row.id);
  }

  async update(user: UserSummary, id: string, ifMatch: string | undefined, dto: UpdateLibraryIndicatorDto): Promise<LibraryIndicator> {
    this.assertAdmin(user);
    const cur = await this.get(id);
    const expected = parseIfMatch(ifMatch);
    if (expected === undefined) throw new ApiHttpException(428, 'PRECONDITION_REQUIRED', '缺少 If-Match 请求头');
    const { level1, level2 } = await this.checkLevels(cur.frameworkCode, dto.level1 ?? cur.level1, dto.level2 ?? cur.level2);
    const res = await this.dataSource.transaction(async (m) => {
      const qr = m.queryRunner;
      if (!qr) throw new Error('no query runner');
      return qr.query(
        `UPDATE indicator_library SET level1 = $3, level2 = $4, name = $5, target = $6, explanation = $7, basis = $8, scoring_rule = $9, data_source = $10,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [id, expected ?? -1, level1, level2, (dto.name ?? cur.name).trim(), dto.target === undefined ? cur.target : dto.target?.trim() || null, ...metaValues(dto, cur)],
        true,
      );
    });
    if (res.affected !== 1) throw new ApiHttpException(412, 'VERSION_CONFLICT', '该指标已被他人修改，请刷新后重试');
    return this.get(id);
  }

  async remove(user: UserSummary, id: string, ifMatch: string | undefined): Promise<void> {
    this.assertAdmin(user);
    await this.get(id);
    const expected = parseIfMatch(ifMatch);
    if (expected === undefined) throw new ApiHttpException(428, 'PRECONDITION_REQUIRED', '缺少 If-Match 请求头');
    const rows = await this.dataSource.query(`DELETE FROM indicator_library WHERE id = $1 AND version = $2 RETURNING id`, [id, expected ?? -1]);
    // TypeORM answers DELETE … RETURNING with [rows, count]
    const deleted = Array.isArray(rows[0]) ? rows[0].length : rows.length;
    if (deleted !== 1) throw new ApiHttpException(412, 'VERSION_CONFLICT', '该指标已被他人修改，请刷新后重试');
  }

  async get(id: string): Promise<LibraryIndicator> {
    if (!UUID_RE.test(id)) throw new ApiHttpException(404, 'NOT_FOUND', '指标库中没有该指标');
    const [row]: LibraryRow[] = await this.dataSource.query(`${SELECT} WHERE l.id = $1`, [id]);
    if (!row) throw new ApiHttpException(404, 'NOT_FOUND', '指标库中没有该指标');
    return toLibraryIndicator(row);
  }

  private assertAdmin(user: UserSummary): void {
    if (!(user.roles as string[]).includes('sysadmin')) throw new ApiHttpException(403, 'FORBIDDEN', '只有系统管理员可以维护指标库');
  }

  /** 一级/二级 of the framework's current version (the one new projects pick rows for). */
  private async checkLevels(frameworkCode: string, level1: string, level2: string): Promise<{ level1: string; level2: string }> {
    const fw = (await this.frameworks.current()).frameworks.find((f) => f.code === frameworkCode);
    const group = fw ? findGroup(fw, level1) : undefined;
    if (!group) throw new ApiHttpException(400, 'VALIDATION_FAILED', `一级指标「${level1}」不在该指标体系内`, [{ field: 'level1', message: '一级指标不在该指标体系内' }]);
    const l2 = normaliseLevelName(level2);
    if (!group.children.map(normaliseLevelName).includes(l2)) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', `二级指标「${level2}」不属于「${group.name}」`, [{ field: 'level2', message: `二级指标不属于「${group.name}」` }]);
    }
    return { level1: group.name, level2: l2 };
  }
}
