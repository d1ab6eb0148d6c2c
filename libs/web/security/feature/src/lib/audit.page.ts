import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  AUDIT_EVENT_FILTERS,
  AUDIT_MAX_PAGE_SIZE,
  AUDIT_OBJECT_TYPE_FILTERS,
  AUDIT_RESULT_FILTERS,
  type AuditQuery,
  AuditApi,
  auditDetailsJson,
  type AuditEntryResponse,
  auditEventLabel,
  auditObjectLabel,
  auditResultColor,
  auditResultLabel,
  type AuditVerification,
  formatLocalTime,
  toSecurityFailure,
  verificationText,
} from '@pt/web/security/data-access';
import { formatDate, loadState } from '@pt/web/shared/data-access';
import { ListCardComponent, SearchInputComponent, serverPage, ServerTableComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { DownloadOutline, SafetyCertificateOutline } from '@ant-design/icons-angular/icons';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface AuditRowView {
  row: AuditEntryResponse;
  time: string;
  event: string;
  object: string;
  result: string;
  color: string;
  details: string;
}

/**
 * 审计日志 (审计管理员): the append-only audit log, newest first, paged by the server, filtered by days (Beijing time),
 * event, user, object and result, and exported as filtered (.csv); times in Beijing time; each row's details as
 * JSON in an expandable row. 校验哈希链 walks the whole chain on the server.
 */
@Component({
  selector: 'pt-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzDatePickerModule, NzIconModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, ListCardComponent, SearchInputComponent, ServerTableComponent],
  providers: [provideNzIconsPatch([SafetyCertificateOutline, DownloadOutline])],
  template: `
    <pt-list-card title="审计日志" [state]="list" errorTestId="audit-load-error" reloadTestId="audit-reload" (reload)="load()">
      <span ptListExtra>
        <button nz-button type="button" class="verify" (click)="exportCsv()" [nzLoading]="exporting()" data-testid="audit-export">
          <span nz-icon nzType="download"></span>导出筛选结果（.csv）
        </button>
        <button nz-button nzType="primary" type="button" class="verify" (click)="verify()" [nzLoading]="verifying()" data-testid="audit-verify">
          <span nz-icon nzType="safety-certificate"></span>校验哈希链
        </button>
      </span>
      <div ptListFilters class="filters">
        <nz-range-picker
          aria-label="日期范围（北京时间）"
          data-testid="audit-filter-dates"
          [ngModel]="dates()"
          (ngModelChange)="setDates($event)"
        ></nz-range-picker>
        <nz-select class="f-event" aria-label="事件" data-testid="audit-filter-event" nzShowSearch [ngModel]="event()" (ngModelChange)="setEvent($event)">
          @for (f of eventFilters; track f.value) {
            <nz-option [nzValue]="f.value" [nzLabel]="f.label" />
          }
        </nz-select>
        <nz-select class="f-type" aria-label="对象类型" data-testid="audit-filter-object-type" [ngModel]="objectType()" (ngModelChange)="setObjectType($event)">
          @for (f of objectTypeFilters; track f.value) {
            <nz-option [nzValue]="f.value" [nzLabel]="f.label" />
          }
        </nz-select>
        <input
          nz-input
          class="f-object"
          type="search"
          placeholder="对象名称或编号"
          aria-label="对象"
          maxlength="100"
          data-testid="audit-filter-object"
          [ngModel]="object()"
          (ngModelChange)="object.set($event)"
          (keydown.enter)="search()"
        />
        <nz-select class="f-result" aria-label="结果" data-testid="audit-filter-result" [ngModel]="result()" (ngModelChange)="setResult($event)">
          @for (f of resultFilters; track f.value) {
            <nz-option [nzValue]="f.value" [nzLabel]="f.label" />
          }
        </nz-select>
        <pt-search-input class="f-user" label="用户名" buttonLabel="查询" placeholder="用户名（精确匹配）" [maxlength]="64" testId="audit-filter-username"
          buttonTestId="audit-search" [value]="username()" (valueChange)="username.set($event)" (searched)="search()" />
      </div>

      @if (verification(); as v) {
        <nz-alert
          [nzType]="v.ok ? 'success' : 'error'"
          nzShowIcon
          [nzMessage]="verifyText(v)"
          class="block"
          data-testid="audit-verify-result"
          [attr.data-ok]="v.ok"
        ></nz-alert>
      }
      @if (verifyError(); as e) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="e" class="block" data-testid="audit-verify-error"></nz-alert>
      }
      @if (exportError(); as e) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="e" class="block" data-testid="audit-export-error"></nz-alert>
      }

      <pt-server-table [page]="rows" [loading]="list.loading()" [pageSizeOptions]="pageSizeOptions" [noResult]="empty" testId="audit-table">
        <ng-template>
          <thead>
            <tr>
              <th nzWidth="48px" aria-label="展开详情"></th>
              <th nzWidth="250px">时间（北京时间）</th>
              <th nzWidth="120px">用户</th>
              <th nzWidth="150px">事件</th>
              <th>对象</th>
              <th nzWidth="80px">结果</th>
              <th nzWidth="72px">状态码</th>
              <th nzWidth="140px">客户端 IP</th>
            </tr>
          </thead>
          <tbody>
            @for (v of rows.items(); track v.row.id) {
              <tr data-testid="audit-row" [attr.data-event]="v.row.event" [attr.data-result]="v.row.result">
                <td [nzShowExpand]="!!v.details" [nzExpand]="expanded().has(v.row.id)" (nzExpandChange)="toggle(v.row.id, $event)"></td>
                <td class="nowrap" [title]="v.row.at" data-testid="audit-time">{{ v.time }}</td>
                <td class="mono" data-testid="audit-user">{{ v.row.username ?? '—' }}</td>
                <td [title]="v.row.event" data-testid="audit-event">{{ v.event }}</td>
                <td class="object" data-testid="audit-object" [title]="v.row.objectId ?? ''">{{ v.object || '—' }}</td>
                <td>
                  <nz-tag [nzColor]="v.color" data-testid="audit-result">{{ v.result }}</nz-tag>
                </td>
                <td data-testid="audit-status">{{ v.row.status ?? '—' }}</td>
                <td class="mono">{{ v.row.clientIp ?? '—' }}</td>
              </tr>
              @if (v.details) {
                <tr [nzExpand]="expanded().has(v.row.id)">
                  <pre class="details" data-testid="audit-details">{{ v.details }}</pre>
                </tr>
              }
            }
          </tbody>
        </ng-template>
      </pt-server-table>
      <ng-template #empty>
        <span data-testid="audit-empty">{{ filtered() ? '没有符合条件的记录' : '审计日志还没有记录' }}</span>
      </ng-template>
    </pt-list-card>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-event { width: 200px; }
    .f-type { width: 140px; }
    .f-object { width: 200px; }
    .f-result { width: 120px; }
    .f-user { width: 240px; }
    .block { margin-bottom: 16px; }
    .verify { margin-left: 8px; }
    .mono { font-family: monospace; }
    .object { word-break: break-all; }
    .nowrap { white-space: nowrap; }
    .details { margin: 0; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
  `,
})
export class AuditPage {
  private readonly api = inject(AuditApi);

  readonly eventFilters = AUDIT_EVENT_FILTERS;
  readonly objectTypeFilters = AUDIT_OBJECT_TYPE_FILTERS;
  readonly resultFilters = AUDIT_RESULT_FILTERS;
  readonly pageSizeOptions = [20, 50, 100, AUDIT_MAX_PAGE_SIZE];
  readonly verifyText = verificationText;

  readonly event = signal('');
  readonly username = signal('');
  readonly dates = signal<Date[]>([]);
  readonly objectType = signal('');
  readonly object = signal('');
  readonly result = signal('');
  private readonly exportState = loadState();
  readonly exporting = this.exportState.loading;
  readonly exportError = this.exportState.error;
  /** The page of the log shown; paging loads it again. */
  readonly rows = serverPage<AuditRowView>(50, () => void this.load());
  readonly list = loadState();
  readonly expanded = signal<ReadonlySet<string>>(new Set());

  readonly verification = signal<AuditVerification | null>(null);
  private readonly verifyState = loadState();
  readonly verifying = this.verifyState.loading;
  readonly verifyError = this.verifyState.error;

  constructor() {
    void this.load();
  }

  /** Only the answer to the latest request is shown. */
  async load(): Promise<void> {
    const res = await this.list.run(() => this.api.list({ page: this.rows.page(), pageSize: this.rows.pageSize(), ...this.filter() }), (e) => toSecurityFailure(e, '审计日志加载失败').message);
    if (!res) return;
    this.rows.show({ items: res.items.map(toView), total: res.total });
    this.expanded.set(new Set());
  }

  /** The filters as the API takes them (days of the range as Beijing days). */
  filter(): AuditQuery {
    const [from, to] = this.dates();
    return {
      event: this.event(),
      username: this.username(),
      from: from ? formatDate(from) : null,
      to: to ? formatDate(to) : null,
      objectType: this.objectType(),
      object: this.object(),
      result: this.result(),
    };
  }

  filtered(): boolean {
    return Object.values(this.filter()).some((v) => !!v?.trim());
  }

  setDates(value: Date[] | null): void {
    this.dates.set(value ?? []);
    this.search();
  }

  setObjectType(value: string | null): void {
    this.objectType.set(value ?? '');
    this.search();
  }

  setResult(value: string | null): void {
    this.result.set(value ?? '');
    this.search();
  }

  /** The filtered log as a .csv file (the server writes it, in Beijing time, with the same labels). */
  async exportCsv(): Promise<void> {
    if (this.exporting()) return;
    await this.exportState.run(async () => {
      const blob = await this.api.exportCsv(this.filter());
      const { from, to } = this.filter();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `审计日志${from ? `_${from}` : ''}${to ? `_${to}` : ''}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    }, (e) => toSecurityFailure(e, '导出失败，请稍后重试').message);
  }

  /** New filters: from the first page. */
  search(): void {
    this.rows.page.set(1);
    void this.load();
  }

  setEvent(value: string | null): void {
    this.event.set(value ?? '');
    this.search();
  }

  toggle(id: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(id);
    else next.delete(id);
    this.expanded.set(next);
  }

  async verify(): Promise<void> {
    if (this.verifying()) return;
    this.verification.set(null);
    const v = await this.verifyState.run(() => this.api.verify(), (e) => toSecurityFailure(e, '校验失败，请稍后重试').message);
    if (v) this.verification.set(v);
  }
}

function toView(row: AuditEntryResponse): AuditRowView {
  return {
    row,
    time: formatLocalTime(row.at, true),
    event: row.eventLabel ?? auditEventLabel(row.event),
    object: auditObjectLabel(row),
    result: auditResultLabel(row.result),
    color: auditResultColor(row.result),
    details: auditDetailsJson(row.details),
  };
}
