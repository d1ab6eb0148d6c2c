import { computed, inject, signal } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { checkDepartment, checkPolicy } from '@pt/domain';
import type { Finding } from '@pt/domain';
import type { Target, TargetKindKey } from '@pt/web/projects/data-access';
import { toEditorRows } from '@pt/web/projects/ui';
import type { EditorRow } from '@pt/web/projects/ui';
import { markAllInvalid, normaliseMoney } from '@pt/web/shared/data-access';
import { rowsSignature } from './project-form';
import type { HeaderFormValue } from './project-form';
import { BUDGET_KEYS, departmentBody, departmentFromTarget, emptyTask, kindBody, kindSignature, policyBody, policyFromTarget } from './target-kind-form';
import type { DepartmentFormValue, KindFormValues, PolicyFormValue, TaskFormValue } from './target-kind-form';

function moneyValidator(c: AbstractControl<string>): ValidationErrors | null {
  return normaliseMoney(c.value) === null ? { money: true } : null;
}

/** 实施期 years: empty, or a whole year 2000–2100 (the API's range). */
function yearValidator(c: AbstractControl<number | null>): ValidationErrors | null {
  const v = c.value;
  return v === null || (Number.isInteger(v) && v >= 2000 && v <= 2100) ? null : { year: true };
}

/**
 * The editor's part of a 部门（单位）整体 or 政策 target: the reactive forms of its block (the 年度主要任务 rows as a
 * FormArray), their values as signals, the live checks of the domain, and a policy's 中期 table with what was saved of
 * it. Created with the page (injection context); the editor keeps the name and the goal texts in its header form and saves through {@link body}.
 */
export class TargetKindState {
  private readonly fb = inject(NonNullableFormBuilder);
  readonly kind = signal<TargetKindKey>('project');
  readonly department = this.fb.group({
    budget: this.fb.group(Object.fromEntries(BUDGET_KEYS.map((k) => [k, ['', moneyValidator]])) as Record<(typeof BUDGET_KEYS)[number], [string, typeof moneyValidator]>),
    tasks: this.fb.array([this.taskGroup()]),
  });
  readonly policy = this.fb.group({
    basis: ['', Validators.maxLength(5000)],
    startYear: [null as number | null, yearValidator],
    endYear: [null as number | null, yearValidator],
    totalFunds: ['', moneyValidator],
    annualFunds: ['', moneyValidator],
  });
  readonly departmentValue = signal<DepartmentFormValue>(this.readDepartment());
  readonly policyValue = signal<PolicyFormValue>(this.policy.getRawValue());
  /** A policy's 中期 table (the overall goal's rows). */
  readonly overallRows = signal<EditorRow[]>([]);
  readonly overallGoalId = signal<string | null>(null);
  private readonly savedOverall = signal('');
  readonly overallDirty = computed(() => this.kind() === 'policy' && this.overallGoalId() !== null && rowsSignature(this.overallRows()) !== this.savedOverall());
  /** The budget year (a policy's period is checked against it). */
  private readonly year = signal<number>(0);

  /** The domain's checks of the block as typed (the server runs the same on submit). */
  readonly findings = computed<Finding[]>(() => {
    if (this.kind() === 'department') {
      const d = departmentBody(this.departmentValue());
      return checkDepartment({ budget: d.department.budget, tasks: d.department.tasks });
    }
    if (this.kind() === 'policy') {
      const p = policyBody(this.policyValue()).policy;
      return checkPolicy({ year: this.year(), ...p });
    }
    return [];
  });
  /** The first live finding per request field, for the field's own hint. */
  readonly findingByField = computed(() => {
    const out = new Map<string, Finding>();
    for (const f of this.findings()) if (f.field && !out.has(f.field)) out.set(f.field, f);
    return out;
  });

  /** Created in a component's injection context (its field initialiser). */
  constructor() {
    this.department.valueChanges.subscribe(() => this.departmentValue.set(this.readDepartment()));
    this.policy.valueChanges.subscribe(() => this.policyValue.set(this.policy.getRawValue()));
  }

  get tasks() {
    return this.department.controls.tasks;
  }

  /** Show a target: the forms are replaced where asked (after a load or a header save), the 中期 table where asked. */
  reset(t: Target, resetForm: boolean, resetRows: boolean): void {
    this.kind.set(t.kind ?? 'project');
    this.year.set(t.year);
    if (resetForm) {
      const d = departmentFromTarget(t);
      this.tasks.clear({ emitEvent: false });
      for (const task of d.tasks.length ? d.tasks : [emptyTask()]) this.tasks.push(this.taskGroup(task), { emitEvent: false });
      this.department.reset(d.tasks.length ? d : { ...d, tasks: [emptyTask()] });
      this.policy.reset(policyFromTarget(t));
      this.departmentValue.set(this.readDepartment());
      this.policyValue.set(this.policy.getRawValue());
    }
    if (resetRows) {
      const overall = (t.goals ?? []).find((g) => g.kind === 'overall');
      this.overallGoalId.set(overall?.id ?? null);
      const rows = toEditorRows(overall?.indicators ?? [], this.overallRows().map((r) => r.key));
      this.overallRows.set(rows);
      this.savedOverall.set(rowsSignature(rows));
    }
    const enable = t.permissions.edit;
    for (const f of [this.department, this.policy]) {
      if (enable) f.enable({ emitEvent: false });
      else f.disable({ emitEvent: false });
    }
  }

  /** The form state of every part, for the PATCH body and the dirty flag. */
  values(header: HeaderFormValue): KindFormValues {
    return { header, department: this.departmentValue(), policy: this.policyValue() };
  }

  body(header: HeaderFormValue) {
    return kindBody(this.kind(), this.values(header));
  }

  signature(header: HeaderFormValue): string {
    return kindSignature(this.kind(), this.values(header));
  }

  /** The saved signature of a target as loaded (its own form values, whatever is on screen). */
  savedSignature(t: Target, header: HeaderFormValue): string {
    return kindSignature(t.kind ?? 'project', { header, department: departmentFromTarget(t), policy: policyFromTarget(t) });
  }

  /** Whether any of the block's controls is invalid (an amount that is not one). */
  invalid(): boolean {
    return (this.kind() === 'department' && this.department.invalid) || (this.kind() === 'policy' && this.policy.invalid);
  }

  markAllInvalid(): void {
    markAllInvalid(this.department, this.policy);
  }

  /** 年度主要任务: a row after `index` (at the end by default); its index. */
  addTask(index = this.tasks.length - 1): number {
    this.tasks.insert(index + 1, this.taskGroup());
    return index + 1;
  }

  /** Removes a row; the table keeps one (empty) row to type into. */
  removeTask(index: number): void {
    if (this.tasks.length === 1) this.tasks.at(0).reset(emptyTask());
    else this.tasks.removeAt(index);
  }

  private taskGroup(t: TaskFormValue = emptyTask()) {
    return this.fb.group({
      name: [t.name, Validators.maxLength(200)],
      content: [t.content, Validators.maxLength(5000)],
      amount: [t.amount, moneyValidator],
      fiscal: [t.fiscal, moneyValidator],
      other: [t.other, moneyValidator],
    });
  }

  private readDepartment(): DepartmentFormValue {
    return this.department.getRawValue();
  }
}
