import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHECK_RULES } from '@pt/domain';
import type { Finding } from '@pt/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { findingPlace } from './finding-place';

/** Rules the browser evaluates itself on the current values (it has no other projects' tables). */
const LIVE_CODES = new Set(CHECK_RULES.map((r) => r.code).filter((c) => c !== 'COPIED_ROWS'));

/**
 * 检查结果: the findings of the table checks (live in the browser), plus those only the server can
 * make (e.g. rows copied from another project of the unit, as of the last save).
 */
@Component({
  selector: 'pt-findings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzTagModule],
  template: `
    <div data-testid="findings-panel">
      @if (all().length === 0) {
        <nz-alert nzType="success" nzShowIcon nzMessage="未发现问题" data-testid="findings-ok" />
      } @else {
        <p class="summary" data-testid="findings-summary">
          @if (errors() > 0) {
            <nz-tag nzColor="red">错误 {{ errors() }} 项</nz-tag>
          }
          @if (warnings() > 0) {
            <nz-tag nzColor="orange">提示 {{ warnings() }} 项</nz-tag>
          }
          {{ errors() > 0 ? '有错误时不能提交，请先修改。' : '提示不影响提交，请确认。' }}
        </p>
        <ul>
          @for (f of all(); track $index) {
            <li [class]="f.severity" [attr.data-code]="f.code" data-testid="finding">
              @if (place(f); as where) {
                <span class="where">{{ where }}</span>
              }
              {{ f.message }}
              @if (serverOnly().includes(f)) {
                <span class="src">（服务器检查，按最近一次保存的内容）</span>
              }
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    ul { margin: 0; padding-left: 18px; }
    li { line-height: 22px; }
    li.error { color: #cf1322; }
    li.warning { color: #d46b08; }
    li.info { color: rgba(0, 0, 0, 0.55); }
    .where { display: inline-block; min-width: 48px; font-weight: 600; }
    .src { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .summary { margin-top: 0; }
  `,
})
export class FindingsPanelComponent {
  /** Findings computed in the browser from the current values. */
  readonly live = input<readonly Finding[]>([]);
  /** Findings of the last server check (GET …/findings); those of rules the browser does not run are added. */
  readonly server = input<readonly Finding[]>([]);

  readonly serverOnly = computed(() => this.server().filter((f) => !LIVE_CODES.has(f.code)));
  readonly all = computed(() => [...this.live(), ...this.serverOnly()]);
  readonly errors = computed(() => this.all().filter((f) => f.severity === 'error').length);
  readonly warnings = computed(() => this.all().filter((f) => f.severity === 'warning').length);
  protected readonly place = findingPlace;
}
