import type { TestApp } from './test-app';
import { VALID_ROWS } from './test-app';

export type Tokens = Record<string, string>;
interface Api {
  http: TestApp['http'];
  tok: Tokens;
}

/** A 部门整体 target of 驻西宁办 (HZB-XN, `orgId`) with its 12,478,600.00 budget and `tasks`: the body of POST /api/targets. */
export function xiningDepartment(orgId: string, year: number, annualGoal: string, tasks: readonly object[]): Record<string, unknown> {
  const budget = { total: '12478600.00', fiscal: '12000000.00', other: '478600.00', basic: '8000000.00', project: '4478600.00' };
  return { kind: 'department', year, orgId, frameworkCode: 'mof-2021', annualGoal, department: { budget, tasks } };
}

/**
 * Create a target of any kind by POST /api/targets and fill its annual table with `rows` and an overall (中期) table,
 * where it has one, with `midRows`, as `user`; answers the id and the current ETag.
 */
export async function createTarget(
  api: Api,
  user: string,
  body: Record<string, unknown>,
  rows: readonly object[] = VALID_ROWS,
  midRows: readonly object[] = rows,
): Promise<{ id: string; etag: string }> {
  const auth = { Authorization: `Bearer ${api.tok[user]}` };
  const created = await api.http.post('/api/targets').set(auth).send(body);
  if (created.status !== 201) throw new Error(`create ${JSON.stringify(body)}: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  let etag = created.headers['etag'] as string;
  const goals: { id: string; kind: string; indicators: unknown[] }[] = created.body.goals ?? [];
  for (const g of goals.filter((x) => x.kind === 'overall')) {
    const r = await api.http.put(`/api/targets/${id}/goals/${g.id}/indicators`).set(auth).set('If-Match', etag).send({ indicators: midRows });
    if (r.status !== 200) throw new Error(`overall table: ${r.status} ${JSON.stringify(r.body)}`);
    etag = r.headers['etag'];
  }
  const r = await api.http.put(`/api/targets/${id}/indicators`).set(auth).set('If-Match', etag).send({ indicators: rows });
  if (r.status !== 200) throw new Error(`annual table: ${r.status} ${JSON.stringify(r.body)}`);
  return { id, etag: r.headers['etag'] };
}

/**
 * Take a target through review: `users[0]` submits, then each next user approves (a department reviewer, then the
 * finance reviewer); `{ return: user }` returns it with a comment after the submission instead.
 */
export async function approveAll(api: Api, target: { id: string; etag: string }, users: readonly string[], opts: { return?: string } = {}): Promise<string> {
  let etag = target.etag;
  let status = '';
  const step = async (user: string, action: string, comment?: string) => {
    const r = await api.http
      .post(`/api/targets/${target.id}/transitions`)
      .set({ Authorization: `Bearer ${api.tok[user]}` })
      .set('If-Match', etag)
      .send({ action, comment });
    if (r.status !== 200) throw new Error(`${action} by ${user}: ${r.status} ${JSON.stringify(r.body)}`);
    etag = r.headers['etag'];
    status = r.body.status;
  };
  await step(users[0], 'submit');
  if (opts.return) await step(opts.return, 'return', '请修改');
  else for (const u of users.slice(1)) await step(u, 'approve');
  return status;
}
