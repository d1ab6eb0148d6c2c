import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest } from '@pt/api/core';
import { frameworkProblems, scoringSettingsProblems, type FrameworkGroup, type ScoringSettings } from '@pt/domain';
import type {
  CreateFrameworkVersionDto,
  CreateScoringSettingsVersionDto,
  FrameworksAdminResponse,
  FrameworkVersion,
  ProjectScoringBasis,
  ScoringSettingsVersion,
  UserSummary,
} from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { frameworkFromDto, sameFramework, sameSettings, settingsFromDto } from './framework-input';

interface FrameworkDbRow {
  code: string;
  version: number;
  name: string;
  region: string;
  groups: FrameworkGroup[];
  note: string | null;
  created_at: Date;
  username: string | null;
}

interface SettingsDbRow {
  version: number;
  settings: ScoringSettings;
  note: string | null;
  created_at: Date;
  username: string | null;
}

const FRAMEWORK_SELECT = `SELECT f.code, f.version, f.name, f.region, f.groups, f.note, f.created_at, u.username
  FROM framework_version f LEFT JOIN app_user u ON u.id = f.created_by`;
const SETTINGS_SELECT = `SELECT s.version, s.settings, s.note, s.created_at, u.username
  FROM scoring_settings_version s LEFT JOIN app_user u ON u.id = s.created_by`;

function frameworkOf(r: FrameworkDbRow): FrameworkVersion {
  const stamp = { version: r.version, createdAt: new Date(r.created_at).toISOString(), createdBy: r.username, note: r.note };
  return { code: r.code, name: r.name, region: r.region, groups: r.groups, ...stamp };
}

function settingsOf(r: SettingsDbRow): ScoringSettingsVersion {
  return { version: r.version, settings: r.settings, createdAt: new Date(r.created_at).toISOString(), createdBy: r.username, note: r.note };
}

/**
 * The stored versions of the frameworks and the scoring settings. A version never changes once written, so a
 * version read once is kept in memory (the detail and evaluation reads of a project ask for theirs each time),
 * and several app instances cannot disagree about it.
 */
@Injectable()
export class FrameworkStore {
  private readonly frameworkCache = new Map<string, FrameworkVersion>();
  private readonly settingsCache = new Map<number, ScoringSettingsVersion>();

  constructor(private readonly dataSource: DataSource) {}

  /** One version of a framework, or undefined when there is no such version. */
  async framework(code: string, version: number, m: EntityManager = this.dataSource.manager): Promise<FrameworkVersion | undefined> {
    const key = `${code}@${version}`;
    const hit = this.frameworkCache.get(key);
    if (hit) return hit;
    const [row]: FrameworkDbRow[] = await m.query(`${FRAMEWORK_SELECT} WHERE f.code = $1 AND f.version = $2`, [code, version]);
    if (!row) return undefined;
    const f = frameworkOf(row);
    this.frameworkCache.set(key, f);
    return f;
  }

  async settings(version: number, m: EntityManager = this.dataSource.manager): Promise<ScoringSettingsVersion | undefined> {
    const hit = this.settingsCache.get(version);
    if (hit) return hit;
    const [row]: SettingsDbRow[] = await m.query(`${SETTINGS_SELECT} WHERE s.version = $1`, [version]);
    if (!row) return undefined;
    const s = settingsOf(row);
    this.settingsCache.set(version, s);
    return s;
  }

  /** The versions a project was declared under (the foreign keys of `project` guarantee they exist). */
  async basis(row: { framework_code: string; framework_version: number; settings_version: number }, m?: EntityManager): Promise<ProjectScoringBasis> {
    const [framework, settings] = await Promise.all([this.framework(row.framework_code, row.framework_version, m), this.settings(row.settings_version, m)]);
    if (!framework || !settings) throw new Error(`missing framework ${row.framework_code}@${row.framework_version} or settings ${row.settings_version}`);
    return { frameworkVersion: framework.version, settingsVersion: settings.version, framework, settings: settings.settings };
  }

  /** The latest version of each framework and of the settings: what a new project is declared under. */
  async current(m: EntityManager = this.dataSource.manager): Promise<{ frameworks: FrameworkVersion[]; settings: ScoringSettingsVersion }> {
    const [frameworks, [settings]] = await Promise.all([
      m.query(`${FRAMEWORK_SELECT} WHERE f.version = (SELECT max(version) FROM framework_version l WHERE l.code = f.code) ORDER BY f.code`) as Promise<FrameworkDbRow[]>,
      m.query(`${SETTINGS_SELECT} ORDER BY s.version DESC LIMIT 1`) as Promise<SettingsDbRow[]>,
    ]);
    return { frameworks: frameworks.map(frameworkOf), settings: settingsOf(settings) };
  }

  /** Every version, newest first. */
  async all(): Promise<FrameworksAdminResponse> {
    const m = this.dataSource.manager;
    const [frameworks, settings]: [FrameworkDbRow[], SettingsDbRow[]] = await Promise.all([
      m.query(`${FRAMEWORK_SELECT} ORDER BY f.code, f.version DESC`),
      m.query(`${SETTINGS_SELECT} ORDER BY s.version DESC`),
    ]);
    return { frameworks: frameworks.map(frameworkOf), settings: settings.map(settingsOf) };
  }

  /** The next version of a framework; new projects take it, existing ones keep theirs. */
  async createFramework(user: UserSummary, code: string, dto: CreateFrameworkVersionDto): Promise<FrameworkVersion> {
    return this.dataSource.transaction(async (m) => {
      const [{ latest }]: { latest: number | null }[] = await m.query(`SELECT max(version) AS latest FROM framework_version WHERE code = $1`, [code]);
      if (latest === null) throw new ApiHttpException(404, 'NOT_FOUND', `指标体系「${code}」不存在`);
      this.assertBase(dto.baseVersion, latest, '该指标体系');
      const next = frameworkFromDto(dto);
      const problems = frameworkProblems(next);
      if (problems.length) throw badRequest(problems);
      const base = await this.framework(code, latest, m);
      if (base && sameFramework(base, next)) throw noChange();
      // not cached here: the transaction may still roll back
      const [row]: FrameworkDbRow[] = await m.query(
        `INSERT INTO framework_version (code, version, name, region, groups, note, created_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
         RETURNING code, version, name, region, groups, note, created_at, $8::text AS username`,
        [code, latest + 1, next.name, next.region, JSON.stringify(next.groups), dto.note?.trim() || null, user.id, user.username],
      );
      return frameworkOf(row);
    });
  }

  /** The next version of the scoring settings. */
  async createSettings(user: UserSummary, dto: CreateScoringSettingsVersionDto): Promise<ScoringSettingsVersion> {
    return this.dataSource.transaction(async (m) => {
      const [{ latest }]: { latest: number }[] = await m.query(`SELECT max(version) AS latest FROM scoring_settings_version`);
      this.assertBase(dto.baseVersion, latest, '评分规则');
      const next = settingsFromDto(dto);
      const problems = scoringSettingsProblems(next);
      if (problems.length) throw badRequest(problems);
      const base = await this.settings(latest, m);
      if (base && sameSettings(next, base.settings)) throw noChange();
      const [row]: SettingsDbRow[] = await m.query(
        `INSERT INTO scoring_settings_version (version, settings, note, created_by) VALUES ($1, $2::jsonb, $3, $4)
         RETURNING version, settings, note, created_at, $5::text AS username`,
        [latest + 1, JSON.stringify(next), dto.note?.trim() || null, user.id, user.username],
      );
      return settingsOf(row);
    });
  }

  /** An edit of an older version would silently undo what was saved since. */
  private assertBase(base: number, latest: number, what: string): void {
    if (base !== latest) {
      throw new ApiHttpException(409, 'VERSION_CONFLICT', `${what}已有更新的版本 ${latest}（您的修改基于版本 ${base}），未保存；请刷新后重新修改`, [
        { field: 'baseVersion', message: `当前版本为 ${latest}` },
      ]);
    }
  }
}

function noChange(): ApiHttpException {
  return new ApiHttpException(400, 'NO_CHANGE', '与当前版本相同，没有需要保存的修改', [{ field: 'baseVersion', message: '与当前版本相同' }]);
}
