import type { ProjectStatus } from '@pt/shared/api-types';
import { login, VALID_ROWS, type TestApp } from './test-app';

/** The demo accounts the year's-work tests act as: two units' fillers, their departments' reviewers, the finance bureau. */
export const WORK_USERS = ['xining', 'hzb', 'czj', 'yangpu', 'ypb', 'admin'] as const;
export type WorkUser = (typeof WORK_USERS)[number];

/** Who reviews a filler's targets at the department. */
const DEPT_OF: Record<string, WorkUser> = { xining: 'hzb', yangpu: 'ypb' };

export interface WorkBed {
  t: TestApp;
  tok: Record<WorkUser, string>;
  auth(u: WorkUser): { Authorization: string };
  orgOf: Record<WorkUser, string>;
  /** A target of `filler`'s unit in `year` with four valid rows, taken to `status` by the workflow itself. */
  target(filler: 'xining' | 'yangpu', name: string, status: ProjectStatus, opts?: { year?: number; reason?: string }): Promise<{ id: string; version: number }>;
  /** The organisation id of a demo organisation by its name. */
  orgByName(name: string): Promise<string>;
}

export async function workBed(t: TestApp): Promise<WorkBed> {
  const tok = {} as Record<WorkUser, string>;
  const orgOf = {} as Record<WorkUser, string>;
  for (const u of WORK_USERS) {
    tok[u] = await login(t, u);
    orgOf[u] = (await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${tok[u]}` }).expect(200)).body.orgId;
  }
  const auth = (u: WorkUser) => ({ Authorization: `Bearer ${tok[u]}` });
  const step = async (u: WorkUser, id: string, version: number, action: string, comment?: string) => {
    const r = await t.http.post(`/api/projects/${id}/transitions`).set(auth(u)).set('If-Match', `"${version}"`).send({ action, comment });
    if (r.status !== 200) throw new Error(`${u} ${action}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.version as number;
  };
  return {
    t,
    tok,
    auth,
    orgOf,
    async target(filler, name, status, opts = {}) {
      const created = await t.http.post('/api/projects').set(auth(filler)).send({ year: opts.year ?? 2027, name, orgId: orgOf[filler], frameworkCode: 'mof-2021' });
      if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
      const id = created.body.id as string;
      const put = await t.http.put(`/api/projects/${id}/indicators`).set(auth(filler)).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
      let v = put.body.version as number;
      if (status === 'draft') return { id, version: v };
      v = await step(filler, id, v, 'submit');
      if (status === 'submitted') return { id, version: v };
      if (status === 'returned') return { id, version: await step(DEPT_OF[filler], id, v, 'return', opts.reason ?? '指标值偏低') };
      v = await step(DEPT_OF[filler], id, v, 'approve');
      if (status === 'dept_approved') return { id, version: v };
      return { id, version: await step('czj', id, v, 'approve') };
    },
    async orgByName(name) {
      const orgs: { id: string; name: string }[] = (await t.http.get('/api/orgs').set(auth('czj')).expect(200)).body;
      const o = orgs.find((x) => x.name === name);
      if (!o) throw new Error(`no org ${name}`);
      return o.id;
    },
  };
}
