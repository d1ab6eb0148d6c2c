// The generated data of the benchmark: 20 departments, 200 units, their users and projects with goals, indicator
// tables, review history, comments, self-evaluations and monitoring, written with SQL in one transaction.
import { api, DEMO_PASSWORD, INDICATORS } from '../bench-common.mjs';

const DEPARTMENTS = [
  '教育局', '卫生健康委员会', '民政局', '人力资源和社会保障局', '住房和城乡建设管理委员会', '交通委员会', '生态环境局',
  '农业农村委员会', '文化和旅游局', '科学技术委员会', '商务委员会', '应急管理局', '市场监督管理局', '体育局', '统计局',
  '司法局', '水务局', '绿化和市容管理局', '规划和自然资源局', '退役军人事务局',
];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const TOPICS = ['信息化系统运行维护经费', '办公设备购置经费', '业务培训经费', '政策宣传经费', '办公用房修缮经费', '专项课题研究经费', '公共服务购买经费', '专项活动组织经费', '对口支援项目经费', '档案数字化经费'];
const TEXT = {
  overview: '本项目围绕年度重点工作任务，保障单位履职所需的业务支出，内容包括组织实施、采购服务、培训宣传和监督检查等环节，资金按进度拨付、专款专用。',
  basis: '依据《中华人民共和国预算法》及其实施条例、《项目支出绩效评价管理办法》（财预〔2020〕10号）和本单位“三定”方案及年度工作要点。',
  necessity: '项目是落实上级部署、保障基本公共服务的必要支出，不实施将影响年度目标任务的完成和服务对象的获得感。',
  measures: '制定项目管理办法和资金管理制度，明确责任分工，建立月度调度、季度检查和年终评价机制，严格执行政府采购和合同管理规定。',
  plan: '一季度完成方案制定和采购准备，二、三季度组织实施并开展中期检查，四季度完成验收、资金结算和绩效自评。',
};

/**
 * The columns of a generated project that differ from project to project (SQL over the row `x` of the generator); a
 * project's other columns are those of the template. Projects: half of 2025 (the export's year), half of 2026; a
 * realistic mix of statuses (30 % draft, 15 % submitted, 10 % department-approved, 35 % approved, 10 % returned);
 * funds that add up.
 */
export const VARIED = {
  org_id: 'x.org_id',
  year: 'x.year',
  name: 'x.name',
  status: 'x.status',
  start_date: 'make_date(x.year, 1, 1)',
  end_date: 'make_date(x.year, 12, 31)',
  government_purchase: 'x.k % 3 = 0',
  fund_total: '1000 * x.a * x.m',
  fund_fiscal: '900 * x.a * x.m',
  fund_other: '100 * x.a * x.m',
  fund_annual_total: '1000 * x.a',
  fund_annual_fiscal: '800 * x.a',
  fund_carryover: '100 * x.a',
  fund_annual_other: '100 * x.a',
  last_year_budget: '950 * x.a',
  last_year_executed: '900 * x.a',
  version: "CASE x.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 WHEN 'dept_approved' THEN 3 WHEN 'approved' THEN 4 ELSE 3 END",
  created_by: 'x.user_id',
  created_at: "now() - interval '120 days'",
  updated_at: "now() - ((x.n * 131 + x.k * 17) % 129600) * interval '1 minute'",
};

/**
 * The template of the generated projects: a draft the demo filler creates through the API (so that its header is
 * what the API writes, with the current framework and scoring versions); removed again once copied.
 */
async function templateProject(base) {
  const session = await api(base, 'POST', '/api/auth/login', { body: { username: 'xining', password: DEMO_PASSWORD } });
  if (session.status !== 200) throw new Error(`login xining: ${session.status} ${session.text}`);
  const header = { nature: '经常性项目', category: '一般性项目', performanceType: '业务类', ...TEXT };
  const body = { year: 2025, name: '生成数据模板项目', orgId: session.json.user.orgId, frameworkCode: 'mof-2021', ...header };
  const r = await api(base, 'POST', '/api/projects', { token: session.json.accessToken, body });
  if (r.status !== 201) throw new Error(`the template project: ${r.status} ${r.text}`);
  return r.json.id;
}

/** Generate departments, units, users and projects (with goals, indicators, history, comments, evaluations, monitoring). */
export async function generate(db, { projectsPerUnit }, base) {
  const t0 = Date.now();
  const template = await templateProject(base);
  await db.query('BEGIN');
  const {
    rows: [czj],
  } = await db.query(`SELECT id FROM org WHERE code = 'CZJ'`);
  const {
    rows: [demoUser],
  } = await db.query(`SELECT password_hash FROM app_user WHERE username = 'xining'`);
  if (!czj || !demoUser) throw new Error('demo data missing (the server must start with DEMO=1 on an empty database)');
  // 20 departments under the finance bureau, 10 units each
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT 'BD' || lpad(d::text, 2, '0'), '示范区' || n, 'department', $1 FROM unnest($2::text[]) WITH ORDINALITY AS x(n, d)`,
    [czj.id, DEPARTMENTS],
  );
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT dep.code || '-U' || lpad(u::text, 2, '0'), dep.name || '直属单位' || ($1::text[])[u], 'unit', dep.id
       FROM org dep CROSS JOIN generate_series(1, 10) u WHERE dep.code LIKE 'BD__' AND dep.kind = 'department'`,
    [CN_NUM],
  );
  // one filler per unit, one reviewer per department (the demo password, so logins are correct)
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, org_id)
     SELECT 'bench_' || lower(replace(code, '-', '_')), name || '填报人', $1, '{filler}', id FROM org WHERE code LIKE 'BD__-U%'`,
    [demoUser.password_hash],
  );
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, org_id)
     SELECT 'bench_' || lower(code), name || '审核人', $1, '{dept_reviewer}', id FROM org WHERE code LIKE 'BD__' AND kind = 'department'`,
    [demoUser.password_hash],
  );
  // every column of the project table, read from the schema: the generator sets those it varies (VARIED), the others
  // are copied from the template project the API created; a column VARIED names that the table lacks is an error
  const columns = (
    await db.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'project' AND is_generated = 'NEVER' AND is_identity = 'NO'
          AND coalesce(column_default, '') NOT LIKE 'nextval(%'
          AND column_name NOT IN (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                                   WHERE i.indrelid = 'project'::regclass AND i.indisprimary)
        ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const missing = Object.keys(VARIED).filter((c) => !columns.includes(c));
  if (missing.length) throw new Error(`the project table has no column ${missing.join(', ')}: keep VARIED (scripts/bench/generate.mjs) in step with the migrations`);
  await db.query(
    `INSERT INTO project (${columns.join(', ')})
     SELECT ${columns.map((c) => VARIED[c] ?? `t.${c}`).join(', ')}
       FROM (
         SELECT u.id AS org_id, au.id AS user_id, u.n, k.k, 2025 + (k.k % 2) AS year, ($1::text[])[1 + k.k % 10] AS name,
                100 + (u.n * 37 + k.k * 101) % 900 AS a, 1 + k.k % 3 AS m,
                CASE WHEN (u.n * 7 + k.k * 13) % 20 < 6 THEN 'draft' WHEN (u.n * 7 + k.k * 13) % 20 < 9 THEN 'submitted'
                     WHEN (u.n * 7 + k.k * 13) % 20 < 11 THEN 'dept_approved' WHEN (u.n * 7 + k.k * 13) % 20 < 18 THEN 'approved'
                     ELSE 'returned' END AS status
           FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM org WHERE code LIKE 'BD__-U%') u
           JOIN app_user au ON au.org_id = u.id
           CROSS JOIN generate_series(0, $2::int - 1) AS k(k)
       ) x CROSS JOIN (SELECT * FROM project WHERE id = $3) t`,
    [TOPICS, projectsPerUnit, template],
  );
  await db.query('DELETE FROM project WHERE id = $1', [template]);
  await fillTargets(db, `p.org_id IN (SELECT id FROM org WHERE code LIKE 'BD__-U%')`, { evaluated: 'p.year = 2025', monitored: 'p.year = 2026' });
  await db.query('COMMIT');
  await db.query('ANALYZE');
  return Date.now() - t0;
}

/**
 * The rows of generated targets (those `GEN`, an SQL condition on the project row `p`, selects): an overall and an
 * annual goal each, the 30-row annual table, the review history, a row comment on every returned one, a
 * self-evaluation of the approved ones `evaluated` selects and a monitoring report (June) of those `monitored` selects.
 * Used by the base data and by `--scale` (scripts/bench/scale.mjs).
 */
export async function fillTargets(db, GEN, { evaluated, monitored }) {
  // one overall and one annual goal each
  await db.query(
    `INSERT INTO project_goal (project_id, kind, year, text)
     SELECT p.id, 'overall', NULL, '通过项目实施，全面完成年度重点任务，提升公共服务质量和群众满意度。' FROM project p WHERE ${GEN}
     UNION ALL
     SELECT p.id, 'annual', p.year, p.year || '年按计划完成项目各项任务，资金执行率达到95%以上，服务对象满意度不低于90%。' FROM project p WHERE ${GEN}`,
  );
  await db.query(
    `INSERT INTO indicator (goal_id, position, level1, level2, name, target_raw, core, weight)
     SELECT g.id, r.pos, r.level1, r.level2, r.name, replace(r.target, '{n}', (10 + abs(hashtext(g.id::text)::bigint) % 80)::text), r.pos < 3, NULL
       FROM project_goal g JOIN project p ON p.id = g.project_id AND ${GEN}
       CROSS JOIN unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(pos, level1, level2, name, target)
      WHERE g.kind = 'annual'`,
    [INDICATORS.map((_, i) => i), ...[0, 1, 2, 3].map((c) => INDICATORS.map((r) => r[c]))],
  );
  // 指标数 on the target's row, which the API's writer of rows sets (migration 1734500000000)
  await db.query(`SELECT project_indicator_recount(ARRAY(SELECT p.id FROM project p WHERE ${GEN}))`);
  // the review history as the workflow writes it, and a row comment on every returned project
  await db.query(
    `INSERT INTO project_history (project_id, at, user_id, user_name, action, from_status, to_status, comment)
     SELECT p.id, p.created_at, p.created_by, '填报人', 'create', NULL, 'draft', NULL FROM project p WHERE ${GEN}
     UNION ALL
     SELECT p.id, p.created_at + interval '1 day', p.created_by, '填报人', 'submit', 'draft', 'submitted', NULL FROM project p WHERE ${GEN} AND p.status <> 'draft'
     UNION ALL
     SELECT p.id, p.created_at + interval '3 days', NULL, '主管部门审核人', 'approve', 'submitted', 'dept_approved', NULL FROM project p WHERE ${GEN} AND p.status IN ('dept_approved', 'approved')
     UNION ALL
     SELECT p.id, p.created_at + interval '5 days', NULL, '财政审核人', 'approve', 'dept_approved', 'approved', '同意' FROM project p WHERE ${GEN} AND p.status = 'approved'
     UNION ALL
     SELECT p.id, p.created_at + interval '3 days', NULL, '主管部门审核人', 'return', 'submitted', 'returned', '请补充指标依据' FROM project p WHERE ${GEN} AND p.status = 'returned'`,
  );
  await db.query(
    `INSERT INTO review_comment (project_id, history_id, indicator_id, indicator_name, comment, user_name, action, at)
     SELECT p.id, h.id, i.id, i.name, '指标值偏低，请结合上年实际完成情况调整。', '主管部门审核人', 'return', h.at
       FROM project p JOIN project_history h ON h.project_id = p.id AND h.action = 'return'
       JOIN project_goal g ON g.project_id = p.id AND g.kind = 'annual' JOIN indicator i ON i.goal_id = g.id AND i.position = 0
      WHERE ${GEN} AND p.status = 'returned'`,
  );
  // self-evaluations of the approved 2025 projects, monitoring (June) of the approved 2026 ones; synthetic but valid
  await db.query(
    `INSERT INTO project_evaluation (project_id, status, annual_budget, executed, goal_achievement, items, execution_rate, execution_score,
                                     indicator_score, total_score, grade, updated_by)
     SELECT id, (ARRAY['draft', 'submitted', 'approved'])[(1 + s % 3)::int], fund_annual_total, round(fund_annual_total * r, 2), '年度目标基本完成。', '[]',
            round(r * 100, 2), round(r * 10, 2), isc, round(r * 10, 2) + isc,
            CASE WHEN round(r * 10, 2) + isc >= 90 THEN '优' WHEN round(r * 10, 2) + isc >= 80 THEN '良' WHEN round(r * 10, 2) + isc >= 60 THEN '中' ELSE '差' END,
            created_by
       FROM (SELECT p.*, abs(hashtext(p.id::text)::bigint) % 1000 AS s, 0.70 + (abs(hashtext(p.id::text)::bigint) % 30) / 100.0 AS r,
                    45 + abs(hashtext(p.id::text)::bigint) % 45 AS isc
               FROM project p WHERE ${GEN} AND p.status = 'approved' AND ${evaluated}) x`,
  );
  await db.query(
    `INSERT INTO project_monitoring (project_id, month, annual_budget, executed, expected_executed, items, light, budget_light, execution_rate, updated_by)
     SELECT p.id, 6, p.fund_annual_total, round(p.fund_annual_total * 0.45, 2), round(p.fund_annual_total * 0.5, 2), '[]',
            (ARRAY['green', 'green', 'yellow', 'red'])[(1 + abs(hashtext(p.id::text)::bigint) % 4)::int], 'green', 45.00, p.created_by
       FROM project p WHERE ${GEN} AND p.status = 'approved' AND ${monitored}`,
  );
}

/** What the database holds after the generation, and the PostgreSQL server's version and settings (for the report). */
export async function describeData(db) {
  const counts = (
    await db.query(`SELECT
      (SELECT count(*) FROM org WHERE kind = 'finance')::int AS finance,
      (SELECT count(*) FROM org WHERE kind = 'department')::int AS departments,
      (SELECT count(*) FROM org WHERE kind = 'unit')::int AS units,
      (SELECT count(*) FROM app_user)::int AS users,
      (SELECT count(*) FROM project)::int AS projects,
      (SELECT count(*) FROM project_goal)::int AS goals,
      (SELECT count(*) FROM indicator)::int AS indicators,
      (SELECT count(*) FROM project_history)::int AS history,
      (SELECT count(*) FROM review_comment)::int AS comments,
      (SELECT count(*) FROM project_evaluation)::int AS evaluations,
      (SELECT count(*) FROM project_monitoring)::int AS monitoring`)
  ).rows[0];
  const byStatus = Object.fromEntries((await db.query(`SELECT status, count(*)::int AS n FROM project GROUP BY status ORDER BY status`)).rows.map((r) => [r.status, r.n]));
  const pgVersion = (await db.query('SHOW server_version')).rows[0].server_version;
  const pgSettings = Object.fromEntries(
    (await db.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections')`)).rows.map((r) => [r.name, r.setting]),
  );
  return { counts, byStatus, pgVersion, pgSettings };
}
