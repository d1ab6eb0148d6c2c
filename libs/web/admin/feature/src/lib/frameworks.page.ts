import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, type WritableSignal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Dec, FRAMEWORK_GROUP_ROLE_LABELS, FRAMEWORK_GROUP_ROLES, FRAMEWORK_WEIGHT_TOTAL, REVERSE_RULE_LABELS, TOTAL_GRADES, type ConfigProblem, type FrameworkGroup } from '@pt/domain';
import {
  frameworkBody,
  type FrameworkForm,
  frameworkFormFrom,
  FrameworksAdminApi,
  problemFor,
  settingsBody,
  type SettingsForm,
  settingsFormFrom,
  fieldError,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import type { FrameworksAdminResponse, FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/api-types';
import { type ApiFailure, loadState, PtDateTimePipe } from '@pt/web/shared/data-access';
import { ErrorListComponent, LoadErrorComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';

interface FrameworkEdit {
  code: string;
  base: number;
  form: FrameworkForm;
}

interface SettingsEdit {
  base: number;
  form: SettingsForm;
}

/**
 * 指标体系与评分规则: the current version of each framework and of the scoring settings, their history, and
 * an edit that is saved as the next version (new projects take it; declared projects keep theirs). The
 * domain's rules are checked while typing, with the messages the server would answer.
 */
@Component({
  selector: 'pt-admin-frameworks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PtDateTimePipe,
    NgTemplateOutlet,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    ErrorListComponent,
    LoadErrorComponent,
  ],
  templateUrl: './frameworks.page.html',
  styleUrl: './frameworks.page.css',
})
export class FrameworksPage {
  private readonly api = inject(FrameworksAdminApi);
  private readonly message = inject(NzMessageService);

  readonly roles = FRAMEWORK_GROUP_ROLES;
  readonly roleLabels = FRAMEWORK_GROUP_ROLE_LABELS;
  readonly ruleLabels = REVERSE_RULE_LABELS;
  readonly grades = TOTAL_GRADES;
  readonly weightTotal = FRAMEWORK_WEIGHT_TOTAL;

  readonly data = signal<FrameworksAdminResponse | null>(null);
  readonly list = loadState();
  /** The save of a new version: `saving` while it runs, its `failure` with the field messages. */
  private readonly saveState = loadState<ApiFailure>();
  readonly saving = this.saveState.loading;
  readonly failure = this.saveState.error;
  readonly frameworkEdit = signal<FrameworkEdit | null>(null);
  readonly settingsEdit = signal<SettingsEdit | null>(null);

  /** The latest version of each framework (the list is newest first within a code). */
  readonly current = computed(() => {
    const seen = new Set<string>();
    return (this.data()?.frameworks ?? []).filter((f) => !seen.has(f.code) && seen.add(f.code));
  });
  readonly currentSettings = computed<ScoringSettingsVersion | null>(() => this.data()?.settings[0] ?? null);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    const data = await this.list.run(() => this.api.list(), (e) => toAdminFailure(e, '无法加载指标体系与评分规则').message);
    if (data) this.data.set(data);
  }

  history(code: string): FrameworkVersion[] {
    return (this.data()?.frameworks ?? []).filter((f) => f.code === code);
  }

  weightText(g: FrameworkGroup, groups: readonly FrameworkGroup[]): string {
    if (g.weight !== null) return `${g.weight} 分`;
    return g.role === 'cost' && groups.some((x) => x.role === 'output') ? '与产出共用' : '平均分配';
  }

  bandsText(v: ScoringSettingsVersion): string {
    return v.settings.gradeBands.map((b, i) => (i === v.settings.gradeBands.length - 1 ? `${b.grade} < ${v.settings.gradeBands[i - 1]?.min}` : `${b.grade} ≥ ${b.min}`)).join(' · ');
  }

  // ------------------------------------------------------------------ framework edit

  editFramework(f: FrameworkVersion): void {
    this.failure.set(null);
    this.settingsEdit.set(null);
    this.frameworkEdit.set({ code: f.code, base: f.version, form: frameworkFormFrom(f) });
  }

  /** Re-emit the edit after a field changed, so the problems are computed again. */
  touchFramework(): void {
    this.frameworkEdit.update((e) => (e ? { ...e, form: { ...e.form, groups: [...e.form.groups] } } : e));
  }

  readonly frameworkProblems = computed<ConfigProblem[]>(() => {
    const e = this.frameworkEdit();
    return e ? frameworkBody(e.form, e.base).problems : [];
  });

  /** 已设权重合计 while editing. */
  readonly weightSum = computed(() => {
    const e = this.frameworkEdit();
    if (!e) return null;
    const set = e.form.groups.map((g) => Dec.parse(g.weight.trim())).filter((w): w is Dec => w !== null);
    return set.length ? Dec.sum(set).toString() : null;
  });

  problem(field: string): string | null {
    return problemFor(this.frameworkProblems(), field) ?? problemFor(this.settingsProblems(), field) ?? this.serverProblem(field);
  }

  /** The problems of the fields named, in that order (a field without one left out). */
  problems(fields: readonly string[]): string[] {
    return fields.map((f) => this.problem(f)).filter((m): m is string => !!m);
  }

  /** The problems of a group's 二级 list (the list itself, or one name in it). */
  childProblems(i: number): string[] {
    const prefix = `groups[${i}].children`;
    return this.frameworkProblems()
      .filter((p) => p.field === prefix || p.field.startsWith(`${prefix}[`))
      .map((p) => p.message);
  }

  saveFramework(): Promise<void> {
    return this.saveVersion(
      this.frameworkEdit,
      (e) => frameworkBody(e.form, e.base),
      (e, body) => this.api.createFramework(e.code, body),
      (v) => `已保存为「${v.name}」版本 ${v.version}：此后新建的项目采用该版本，已有项目不受影响`,
    );
  }

  // ------------------------------------------------------------------ settings edit

  editSettings(v: ScoringSettingsVersion): void {
    this.failure.set(null);
    this.frameworkEdit.set(null);
    this.settingsEdit.set({ base: v.version, form: settingsFormFrom(v) });
  }

  touchSettings(): void {
    this.settingsEdit.update((e) => (e ? { ...e, form: { ...e.form, bands: [...e.form.bands] } } : e));
  }

  readonly settingsProblems = computed<ConfigProblem[]>(() => {
    const e = this.settingsEdit();
    return e ? settingsBody(e.form, e.base).problems : [];
  });

  saveSettings(): Promise<void> {
    return this.saveVersion(
      this.settingsEdit,
      (e) => settingsBody(e.form, e.base),
      (_, body) => this.api.createSettings(body),
      (v) => `评分规则已保存为版本 ${v.version}：此后新建的项目采用该版本，已有项目不受影响`,
    );
  }

  cancel(): void {
    this.frameworkEdit.set(null);
    this.settingsEdit.set(null);
    this.failure.set(null);
  }

  private serverProblem(field: string): string | null {
    return fieldError(this.failure(), field);
  }

  /**
   * Saves an edit as a new version (unless its form still has problems): the edit closes, `done` is said and the
   * list is loaded again; a refusal stays on the edit as `failure`.
   */
  private async saveVersion<E, B, V>(
    edit: WritableSignal<E | null>,
    build: (e: E) => { body: B; problems: readonly ConfigProblem[] },
    send: (e: E, body: B) => Promise<V>,
    done: (v: V) => string,
  ): Promise<void> {
    const e = edit();
    if (!e || this.saving()) return;
    const { body, problems } = build(e);
    if (problems.length) return;
    await this.saveState.run(
      async () => {
        const v = await send(e, body);
        edit.set(null);
        this.message.success(done(v));
        await this.load();
      },
      (err) => toAdminFailure(err, '保存失败，请稍后重试'),
    );
  }
}
