import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { Validators } from '@angular/forms';
import type { NonNullableFormBuilder } from '@angular/forms';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import { FUND_KEYS } from './project-form';
import type { FundKey } from './project-form';
import { normaliseMoney } from '@pt/web/shared/data-access';

/** The declaration form's controls (the header of the 申报表) and the choices it offers. */

function moneyValidator(c: AbstractControl<string>): ValidationErrors | null {
  return normaliseMoney(c.value) === null ? { money: true } : null;
}

export const NATURE_OPTIONS = ['经常性专项业务费', '经常性项目', '一次性项目', '其他一次性项目'];
export const CATEGORY_OPTIONS = ['特定目标类', '其他运转类'];
export const PERFORMANCE_TYPE_OPTIONS = ['其他类', '项目类', '政策类'];

export const TEXT_FIELDS = (['overview', 'basis', 'necessity', 'measures', 'plan'] as const).map((key) => ({ key, label: PROJECT_FIELD_LABELS[key] }));

/** The reactive form of the header: text as typed, amounts checked as they are typed. */
export function buildHeaderForm(fb: NonNullableFormBuilder) {
  return fb.group({
    name: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    nature: ['', Validators.maxLength(50)],
    category: ['', Validators.maxLength(50)],
    performanceType: ['', Validators.maxLength(50)],
    startDate: [null as Date | null],
    endDate: [null as Date | null],
    governmentPurchase: ['' as '' | 'yes' | 'no'],
    funds: fb.group(
      Object.fromEntries(FUND_KEYS.map((k) => [k, ['', moneyValidator]])) as Record<FundKey, [string, typeof moneyValidator]>,
    ),
    lastYearBudget: ['', moneyValidator],
    lastYearExecuted: ['', moneyValidator],
    overview: ['', Validators.maxLength(5000)],
    basis: ['', Validators.maxLength(5000)],
    necessity: ['', Validators.maxLength(5000)],
    measures: ['', Validators.maxLength(5000)],
    plan: ['', Validators.maxLength(5000)],
    totalGoal: ['', Validators.maxLength(5000)],
    annualGoal: ['', Validators.maxLength(5000)],
  });
}
