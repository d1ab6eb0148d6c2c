import type { TotalGrade } from '../scoring-model';
import type { TransitionAction } from './labels';
import type { TransitionRefusal } from './review';

/**
 * The structured review of 财预〔2015〕88号 (domain §11): four judged dimensions and an overall result, each
 * 优/良/中/差. 优 and 良 may pass; 中 must be revised and resubmitted; 差 is returned — so 中 or 差 never approves.
 */
export const REVIEW_DIMENSIONS = ['completeness', 'relevance', 'appropriateness', 'feasibility', 'overall'] as const;
export type ReviewDimension = (typeof REVIEW_DIMENSIONS)[number];

/** The block's name on a printed form and in the web (财预〔2015〕88号 calls it 审核意见). */
export const REVIEW_BLOCK_LABEL = '审核意见';

export const REVIEW_DIMENSION_LABELS: Record<ReviewDimension, string> = {
  completeness: '完整性',
  relevance: '相关性',
  appropriateness: '适当性',
  feasibility: '可行性',
  overall: '总体',
};

/** The same four levels as a self-evaluation's grade. */
export type ReviewGrade = TotalGrade;
export const REVIEW_GRADES: readonly ReviewGrade[] = ['优', '良', '中', '差'];
/** The overall results that let a target pass. */
export const PASSING_REVIEW_GRADES: readonly ReviewGrade[] = ['优', '良'];

export type StructuredReview = Record<ReviewDimension, ReviewGrade>;

/** Only a reviewer's approve and return carry a structured review. */
export function takesReview(action: TransitionAction): boolean {
  return action === 'approve' || action === 'return';
}

/** The review's refusal: none on submit/withdraw, and an approval whose overall result is 中 or 差. */
export function structuredReviewRefusal(action: TransitionAction, review: StructuredReview | null | undefined): TransitionRefusal | null {
  if (!review) return null;
  if (!takesReview(action)) {
    return { status: 400, code: 'VALIDATION_FAILED', message: '只有审核通过或退回可以填写审核意见（完整性、相关性、适当性、可行性）', field: 'review' };
  }
  if (action === 'approve' && !PASSING_REVIEW_GRADES.includes(review.overall)) {
    return {
      status: 422,
      code: 'REVIEW_NOT_PASSING',
      message: `总体评价为「${review.overall}」，不能审核通过：「中」须修改后重新提交，「差」应退回`,
      field: 'review.overall',
    };
  }
  return null;
}

/** 「完整性：优；相关性：良；…」 — the one line the history, the exported form and the web show. */
export function reviewSummary(review: StructuredReview): string {
  return REVIEW_DIMENSIONS.map((d) => `${REVIEW_DIMENSION_LABELS[d]}：${review[d]}`).join('；');
}
