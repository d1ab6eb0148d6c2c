import type { Funds } from '@pt/shared/contracts';

/**
 * A kind of target (绩效目标): its tables and the header fields a request may set. The store's writes, history,
 * locking and messages read them from here, so the next kinds (部门整体, 政策) are a descriptor, not a copy.
 */
export interface TargetKind {
  /** The kind's key (audit object type and event prefix). */
  key: 'project';
  /** Its Chinese name in messages: 「项目不存在或无权查看」. */
  label: string;
  /** The header table; its goals, history, revisions and review comments refer to it by `ownerColumn`. */
  table: string;
  goalTable: string;
  historyTable: string;
  revisionTable: string;
  commentTable: string;
  ownerColumn: string;
  /** Header fields a create or PATCH may set: request field → column. */
  headerColumns: Readonly<Record<string, string>>;
  /** The funds block: field → column. */
  fundColumns: Readonly<Record<keyof Funds, string>>;
}

/** 项目支出绩效目标: the only kind so far. */
export const PROJECT_KIND: TargetKind = {
  key: 'project',
  label: '项目',
  table: 'project',
  goalTable: 'project_goal',
  historyTable: 'project_history',
  revisionTable: 'project_revision',
  commentTable: 'review_comment',
  ownerColumn: 'project_id',
  headerColumns: {
    name: 'name',
    nature: 'nature',
    category: 'category',
    startDate: 'start_date',
    endDate: 'end_date',
    governmentPurchase: 'government_purchase',
    performanceType: 'performance_type',
    lastYearBudget: 'last_year_budget',
    lastYearExecuted: 'last_year_executed',
    overview: 'overview',
    basis: 'basis',
    necessity: 'necessity',
    measures: 'measures',
    plan: 'plan',
  },
  fundColumns: {
    total: 'fund_total',
    fiscal: 'fund_fiscal',
    other: 'fund_other',
    annualTotal: 'fund_annual_total',
    annualFiscal: 'fund_annual_fiscal',
    carryover: 'fund_carryover',
    annualOther: 'fund_annual_other',
  },
};

export function nullIfBlank(v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  return v.trim() === '' ? null : v;
}
