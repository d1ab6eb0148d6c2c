import { reviewSummary, type StructuredReview } from '@pt/domain';
import type { Signatures } from './sheet-model';

export interface HistoryStep {
  action: string;
  user_name: string;
  at: Date | string;
  /** The structured review (财预〔2015〕88号) an approval carried, printed under the signatures. */
  review?: StructuredReview | null;
}

/** A date as printed on the form, in China time (the history stores UTC instants). */
export function chinaDate(at: Date | string): string {
  const t = new Date(at).getTime() + 8 * 3600_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * 填报人 / 填报日期 / 审核人 / 审核日期 from a form's history (oldest first): the last submission and the approvals
 * after it (a return or a withdrawal starts the round again). `prefix` picks the form: '' for the 申报表, 'eval_'
 * for the 自评表, whose transitions share the history table. An adjustment (调整) of the 申报表 clears them too.
 */
export function signaturesOf(steps: readonly HistoryStep[], prefix: '' | 'eval_'): Signatures {
  let filler: string | null = null;
  let fillDate: string | null = null;
  let reviewers: string[] = [];
  let reviewDate: string | null = null;
  let reviews: string[] = [];
  for (const s of steps) {
    if (s.action === `${prefix}submit`) {
      filler = s.user_name;
      fillDate = chinaDate(s.at);
      reviewers = [];
      reviewDate = null;
      reviews = [];
    } else if (s.action === `${prefix}approve`) {
      if (!reviewers.includes(s.user_name)) reviewers.push(s.user_name);
      reviewDate = chinaDate(s.at);
      if (s.review) reviews.push(`${s.user_name}：${reviewSummary(s.review)}`);
    } else if (s.action === `${prefix}return` || s.action === `${prefix}withdraw` || (prefix === '' && s.action === 'adjust')) {
      // an adjustment opens a new revision: its 填报人 is whoever submits it
      if (s.action === 'adjust') filler = fillDate = null;
      reviewers = [];
      reviewDate = null;
      reviews = [];
    }
  }
  return { filler, fillDate, reviewers: reviewers.length ? reviewers.join('、') : null, reviewDate, review: reviews.length ? reviews.join('\n') : undefined };
}
