// The simulated users and their requests: sessions (finance reviewer, department reviewers, unit fillers), the
// projects each may read, the list queries of the list page, and the write pools (each project written by one
// connection at a time, its ETag kept from the answers), as autocannon request definitions.
import { api, DEMO_PASSWORD } from '../bench-common.mjs';
import { log } from './context.mjs';
import { etagVersion, getRequests } from './measure.mjs';

/** Sessions, targets and request definitions of a run, on the generated data. */
export async function prepareWorkload(db, base) {
  // sessions: finance reviewer, department reviewers, unit fillers (one session per simulated user)
  const login = async (username) => {
    const r = await api(base, 'POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    return { token: r.json.accessToken, user: r.json.user };
  };
  const czjSessions = [];
  for (let i = 0; i < 4; i++) czjSessions.push(await login('czj'));
  const reviewers = (await db.query(`SELECT username FROM app_user WHERE username LIKE 'bench_bd__' ORDER BY username LIMIT 10`)).rows;
  const reviewerSessions = [];
  for (const r of reviewers) reviewerSessions.push(await login(r.username));
  // drafts of the first units for the writes: half for PUT indicators, half for submit/withdraw
  const drafts = (
    await db.query(
      `SELECT p.id, p.version, u.username FROM project p JOIN app_user u ON u.org_id = p.org_id AND u.username LIKE 'bench_%'
        WHERE p.status = 'draft' AND p.kind = 'project' ORDER BY u.username, p.id LIMIT 80`,
    )
  ).rows;
  const fillerTokens = new Map();
  for (const d of drafts) if (!fillerTokens.has(d.username)) fillerTokens.set(d.username, (await login(d.username)).token);
  log(`${czjSessions.length + reviewerSessions.length + fillerTokens.size} sessions`);

  // the detail targets: (session, project) pairs a user may see — finance sees all, a department its units', a unit its own
  // projects only: /api/projects is the targets narrowed to them (the demo's 部门整体 and 政策 targets are a 404 there)
  const allProjects = (await db.query(`SELECT p.id, p.org_id, o.parent_id FROM project p JOIN org o ON o.id = p.org_id WHERE p.kind = 'project' ORDER BY p.id`)).rows;
  const detailTargets = [];
  for (const [i, p] of allProjects.entries()) {
    const s = czjSessions[i % czjSessions.length];
    detailTargets.push({ token: s.token, orgId: s.user.orgId, id: p.id });
  }
  for (const s of reviewerSessions) {
    for (const p of allProjects.filter((p) => p.parent_id === s.user.orgId)) detailTargets.push({ token: s.token, orgId: s.user.orgId, id: p.id });
  }
  // shuffle (deterministically) so consecutive requests hit different projects and sessions
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = detailTargets.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [detailTargets[i], detailTargets[j]] = [detailTargets[j], detailTargets[i]];
  }
  let detailNext = 0;
  const nextTarget = () => detailTargets[detailNext++ % detailTargets.length];

  // the list targets: year, organisation (a department or a unit), status, page — as the list page sends them
  const depts = (await db.query(`SELECT id FROM org WHERE kind = 'department' AND code LIKE 'BD__' ORDER BY code`)).rows.map((r) => r.id);
  const units = (await db.query(`SELECT id FROM org WHERE kind = 'unit' AND code LIKE 'BD__-U%' ORDER BY code`)).rows.map((r) => r.id);
  const statuses = [undefined, 'draft', 'submitted', 'dept_approved', 'approved', 'returned'];
  const listTargets = [];
  for (let i = 0; i < 600; i++) {
    const kind = i % 4;
    const s = kind === 3 && reviewerSessions.length ? reviewerSessions[i % reviewerSessions.length] : czjSessions[i % czjSessions.length];
    const q = new URLSearchParams({ year: String(2025 + (i % 2)) });
    if (kind === 0) q.set('orgId', depts[i % depts.length]);
    if (kind === 1) q.set('orgId', units[(i * 7) % units.length]);
    const st = statuses[i % statuses.length];
    if (st && kind !== 1) q.set('status', st);
    q.set('page', String(1 + (i % 3)));
    // the other filters of the list page: the name search (with countUpTo=200, as the page sends it: "200 条以上"), and
    // the self-evaluation grade (2025) or light (2026)
    if (i % 10 === 4) q.set('q', ['培训', '信息化', '经费', '第三'][(i / 10) % 4 | 0]), q.set('countUpTo', '200');
    if (i % 20 === 9) q.set('year', '2025'), q.set('grade', ['优', '良', '中'][(i / 20) % 3 | 0]);
    if (i % 20 === 19) q.set('year', '2026'), q.set('light', ['green', 'yellow', 'red'][(i / 20) % 3 | 0]);
    listTargets.push({ token: s.token, path: `/api/projects?${q}` });
  }
  let listNext = 0;

  // the write pools: each project is worked on by one connection at a time, its ETag kept from the answers
  const pool = drafts.map((d) => ({ id: d.id, version: d.version, token: fillerTokens.get(d.username), status: 'draft', busy: false, body: null }));
  const putPool = pool.filter((_, i) => i % 2 === 0);
  const transitionPool = pool.filter((_, i) => i % 2 === 1);
  for (const p of putPool) {
    const r = await api(base, 'GET', `/api/projects/${p.id}`, { token: p.token });
    p.version = etagVersion({ etag: r.etag });
    p.rows = r.json.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw, core: i.core, weight: i.weight }));
    p.flip = 0;
  }
  // the generated tables pass every check (a submit would be refused with 422 otherwise)
  const probe = await api(base, 'GET', `/api/projects/${transitionPool[0].id}/findings`, { token: transitionPool[0].token });
  const errorsFound = (probe.json?.findings ?? []).filter((f) => f.severity === 'error');
  if (probe.status !== 200 || errorsFound.length) throw new Error(`generated table has error findings: ${JSON.stringify(errorsFound)}`);
  const refresh = (p) => {
    api(base, 'GET', `/api/projects/${p.id}`, { token: p.token })
      .then((r) => {
        p.version = etagVersion({ etag: r.etag });
        p.status = r.json?.status ?? p.status;
      })
      .finally(() => (p.busy = false));
  };
  const take = (pl) => {
    const p = pl.find((x) => !x.busy);
    if (p) p.busy = true;
    return p;
  };
  const writeResponse = (pl, onOk) => (status, _body, context, headers) => {
    const p = context.p;
    if (!p) return;
    context.p = null;
    if (status >= 200 && status < 300) {
      p.version = etagVersion(headers) ?? p.version + 1;
      onOk?.(p);
      p.busy = false;
    } else refresh(p);
  };

  const detailReq = getRequests(() => {
    const t = nextTarget();
    return { path: `/api/projects/${t.id}`, token: t.token };
  });
  const rawReq = getRequests(() => {
    const t = nextTarget();
    return { path: `/raw/projects/${t.id}?org=${t.orgId}` };
  });
  // the physical limit (scripts/bench/physical-limit.mjs): the same projects in the same order, one stored answer each
  const physReq = getRequests(() => ({ path: `/phys/projects/${nextTarget().id}` }));
  const listReq = getRequests(() => listTargets[listNext++ % listTargets.length]);
  const putReq = [
    {
      method: 'PUT',
      setupRequest: (req, context) => {
        const p = take(putPool);
        context.p = p;
        p.flip = 1 - p.flip;
        // an edit: the first quantitative target changes, the row ids are sent back (the editor's save)
        const rows = p.rows.map((r, i) => (i === 0 ? { ...r, target: p.flip ? '≥1000人次' : '≥1200人次' } : r));
        req.path = `/api/projects/${p.id}/indicators`;
        req.headers = { ...req.headers, authorization: `Bearer ${p.token}`, 'if-match': `"${p.version}"`, 'content-type': 'application/json' };
        req.body = JSON.stringify({ indicators: rows });
        return req;
      },
      onResponse: writeResponse(putPool),
    },
  ];
  const transitionReq = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const p = take(transitionPool);
        context.p = p;
        req.path = `/api/projects/${p.id}/transitions`;
        req.headers = { ...req.headers, authorization: `Bearer ${p.token}`, 'if-match': `"${p.version}"`, 'content-type': 'application/json' };
        req.body = JSON.stringify({ action: p.status === 'draft' ? 'submit' : 'withdraw' });
        return req;
      },
      onResponse: writeResponse(transitionPool, (p) => (p.status = p.status === 'draft' ? 'submitted' : 'draft')),
    },
  ];
  const loginUsers = ['czj', 'hzb', 'ypb', 'xining', 'yangpu', ...reviewers.map((r) => r.username)];
  let loginNext = 0;
  const loginReq = [
    {
      method: 'POST',
      setupRequest: (req) => {
        req.path = '/api/auth/login';
        req.headers = { ...req.headers, 'content-type': 'application/json' };
        req.body = JSON.stringify({ username: loginUsers[loginNext++ % loginUsers.length], password: DEMO_PASSWORD });
        return req;
      },
    },
  ];

  // the other user of the exports-under-load scenario: a department reviewer reading their units' projects
  const otherTokens = new Set(reviewerSessions.map((s) => s.token));
  const otherTargets = detailTargets.filter((t) => otherTokens.has(t.token));
  let otherNext = 0;
  const otherReq = getRequests(() => {
    const t = otherTargets[otherNext++ % otherTargets.length];
    return { path: `/api/projects/${t.id}`, token: t.token };
  });

  return {
    czjSessions,
    reviewerSessions,
    detailTargets,
    pool,
    requests: { detail: detailReq, raw: rawReq, phys: physReq, list: listReq, put: putReq, transition: transitionReq, login: loginReq, other: otherReq },
  };
}
