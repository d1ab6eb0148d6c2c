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

/** 项目性质, 项目类别, 绩效类型: typed, or chosen from the usual values (a datalist each). */
export const CHOICE_FIELDS = [
  { key: 'nature', id: 'f-nature', listId: 'pt-nature-options', placeholder: '如：经常性专项业务费', options: NATURE_OPTIONS },
  { key: 'category', id: 'f-category', listId: 'pt-category-options', placeholder: '如：特定目标类', options: CATEGORY_OPTIONS },
  { key: 'performanceType', id: 'f-ptype', listId: 'pt-ptype-options', placeholder: '如：其他类', options: PERFORMANCE_TYPE_OPTIONS },
] as const;
export const DATE_FIELDS = [
  { key: 'startDate', id: 'f-start' },
  { key: 'endDate', id: 'f-end' },
] as const;
/** 同名项目上年情况: two amounts. */
export const LAST_YEAR_FIELDS = [
  { key: 'lastYearBudget', id: 'f-lyb' },
  { key: 'lastYearExecuted', id: 'f-lye' },
] as const;

const labelled = <K extends keyof typeof PROJECT_FIELD_LABELS>(keys: readonly K[]) => keys.map((key) => ({ key, label: PROJECT_FIELD_LABELS[key] }));
/** 项目情况 and 绩效目标: the long texts. */
export const TEXT_FIELDS = labelled(['overview', 'basis', 'necessity', 'measures', 'plan']);
export const GOAL_FIELDS = labelled(['totalGoal', 'annualGoal']);

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
