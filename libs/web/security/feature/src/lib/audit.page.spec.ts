import { HttpErrorResponse } from '@angular/common/http';
import { en_US, provideNzI18n } from 'ng-zorro-antd/i18n';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { openRoute, settleRoute as settle } from '@pt/web/shared/data-access/testing';
import { AuditApi, type AuditEntryResponse, type AuditQuery, type AuditVerification } from '@pt/web/security/data-access';
import { auditEventLabel } from '@pt/domain';
import type { AuditPage } from './audit.page';
import { securityTestProviders } from './security.testing';

const entry = (id: number, event: string, result: string, username: string | null, details: Record<string, unknown> | null = null): AuditEntryResponse => ({
  id: String(id),
  at: '2026-05-04T10:00:00.000+08:00',
  userId: null,
  username,
  event,
  eventLabel: auditEventLabel(event),
  objectType: event.startsWith('project.') ? 'project' : null,
  objectId: event.startsWith('project.') ? 'p1' : null,
  objectName: event.startsWith('project.') ? '修缮类' : null,
  status: result === 'denied' ? 403 : null,
  result,
  clientIp: '127.0.0.1',
  details,
  prevHash: 'x',
  hash: 'y',
});

describe('AuditPage', () => {
  let queries: AuditQuery[];
  let exports: AuditQuery[];
  let verification: AuditVerification | HttpErrorResponse;
  let roles: string[];

  beforeEach(() => {
    queries = [];
    exports = [];
    roles = ['auditadmin'];
    verification = { ok: true, rows: 12, firstBad: null, reason: null };
    const items = [
      entry(12, 'auth.login', 'failed', 'ypb', { failures: 2 }),
      entry(11, 'auth.login', 'ok', 'auditor'),
      entry(10, 'project.submit', 'ok', 'xining', { from: 'draft', to: 'submitted' }),
      entry(9, 'POST /api/tasks', 'denied', 'xining', { status: 403 }),
    ];
    TestBed.configureTestingModule({
      providers: [
        ...securityTestProviders(),
        // the date picker formats with Angular's locale data of its language: the app registers zh-CN, Jest has only en
        provideNzI18n(en_US),
        { provide: AuthStore, useValue: { user: () => ({ id: 'a', username: 'auditor', displayName: '审计管理员', roles, orgId: 'o' }) } },
        {
          provide: AuditApi,
          useValue: {
            list: (q: AuditQuery) => {
              queries.push(q);
              const rows = items.filter((i) => (!q.event || i.event.startsWith(q.event)) && (!q.username?.trim() || i.username === q.username.trim()));
              return Promise.resolve({ items: rows, total: rows.length + (q.event ? 0 : 100) });
            },
            exportCsv: (q: AuditQuery) => {
              exports.push(q);
              return Promise.resolve(new Blob(['x']));
            },
            verify: () => (verification instanceof HttpErrorResponse ? Promise.reject(verification) : Promise.resolve(verification)),
          },
        },
      ],
    });
  });

  async function open(url = '/audit') {
    const { harness, all } = await openRoute(url, 3);
    const text = (id: string) => all(id).map((e) => e.textContent?.trim() ?? '');
    return { harness, all, text, page: harness.routeDebugElement?.componentInstance as AuditPage };
  }

  it('shows the newest page with Chinese events, results and objects', async () => {
    const { text, all } = await open();
    expect(queries).toEqual([{ page: 1, pageSize: 50, event: '', username: '', from: null, to: null, objectType: '', object: '', result: '' }]);
    expect(all('audit-row')).toHaveLength(4);
    expect(text('audit-event')).toEqual(['登录', '登录', '提交', '提交 /api/tasks']);
    expect(text('audit-result')).toEqual(['失败', '成功', '成功', '拒绝']);
    expect(text('audit-user')).toEqual(['ypb', 'auditor', 'xining', 'xining']);
    expect(text('audit-object')).toEqual(['—', '—', '项目 修缮类', '—']);
    expect(text('audit-status')).toEqual(['—', '—', '—', '403']);
    // Beijing time, whatever the browser's zone
    expect(text('audit-time')[0]).toBe('2026-05-04 10:00:00 (UTC+08:00)');
    expect(all('audit-table')[0].textContent).toContain('共 104 条');
  });

  it('filters by event kind and user name, from the first page', async () => {
    const { harness, page, all, text } = await open();
    page.rows.setPage(2);
    await settle(harness);
    expect(queries.at(-1)).toEqual({ page: 2, pageSize: 50, event: '', username: '', from: null, to: null, objectType: '', object: '', result: '' });
    page.setEvent('auth.');
    await settle(harness);
    expect(queries.at(-1)).toMatchObject({ page: 1, pageSize: 50, event: 'auth.', username: '' });
    expect(all('audit-row')).toHaveLength(2);
    page.username.set('ypb');
    page.search();
    await settle(harness);
    expect(queries.at(-1)).toMatchObject({ page: 1, pageSize: 50, event: 'auth.', username: 'ypb' });
    expect(text('audit-user')).toEqual(['ypb']);
    page.setEvent('export.');
    await settle(harness);
    expect(text('audit-empty')).toEqual(['没有符合条件的记录']);
  });

  it('filters by days, object type, object and result, and exports what is filtered', async () => {
    const { harness, page, all } = await open();
    page.setDates([new Date(2026, 11, 1, 9), new Date(2026, 11, 7, 18)]);
    page.setObjectType('project');
    page.object.set(' 修缮 ');
    page.setResult('denied');
    await settle(harness);
    expect(queries.at(-1)).toEqual({ page: 1, pageSize: 50, event: '', username: '', from: '2026-12-01', to: '2026-12-07', objectType: 'project', object: ' 修缮 ', result: 'denied' });
    const created: HTMLAnchorElement[] = [];
    const make = document.createElement.bind(document);
    jest.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      const el = make(tag);
      if (tag === 'a') {
        jest.spyOn(el as HTMLAnchorElement, 'click').mockImplementation(() => undefined);
        created.push(el as HTMLAnchorElement);
      }
      return el;
    });
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    all('audit-export')[0].click();
    await settle(harness);
    expect(exports).toEqual([{ event: '', username: '', from: '2026-12-01', to: '2026-12-07', objectType: 'project', object: ' 修缮 ', result: 'denied' }]);
    expect(created[0].download).toBe('审计日志_2026-12-01_2026-12-07.csv');
    expect(created[0].click).toHaveBeenCalled();
    jest.restoreAllMocks();
  });

  it('shows the details of a row as JSON when expanded', async () => {
    const { harness, page, all } = await open();
    // row 9's details hold only its status, which has its own column: no details to expand
    const details = all('audit-details');
    expect(details).toHaveLength(2);
    expect(details[0].closest('tr')?.hidden).toBe(true);
    page.toggle('12', true);
    await settle(harness);
    const first = all('audit-details')[0];
    expect(first.closest('tr')?.hidden).toBe(false);
    expect(JSON.parse(first.textContent ?? '')).toEqual({ failures: 2 });
  });

  it('verifies the hash chain: intact in green, broken in red with the first bad row and the reason', async () => {
    const { harness, all } = await open();
    all('audit-verify')[0].click();
    await settle(harness);
    let result = all('audit-verify-result')[0];
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.querySelector('.ant-alert-success')).not.toBeNull();
    expect(result.textContent).toContain('哈希链完整：已校验全部 12 条记录');

    verification = { ok: false, rows: 5, firstBad: '105', reason: '记录内容与哈希不符（记录被修改）' };
    all('audit-verify')[0].click();
    await settle(harness);
    result = all('audit-verify-result')[0];
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.querySelector('.ant-alert-error')).not.toBeNull();
    expect(result.textContent).toContain('第 5 条记录（编号 105）校验不通过，记录内容与哈希不符（记录被修改）');

    verification = new HttpErrorResponse({ status: 500, error: null });
    all('audit-verify')[0].click();
    await settle(harness);
    expect(all('audit-verify-result')).toHaveLength(0);
    expect(all('audit-verify-error')[0].textContent).toContain('服务器暂时不可用');
  });

  it('is for the 审计管理员 only', async () => {
    roles = ['secadmin'];
    const { harness } = await open('/audit');
    expect(harness.routeNativeElement?.textContent).toContain('home');
  });
});
