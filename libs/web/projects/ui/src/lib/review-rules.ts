import {
  REVIEW_DIMENSION_LABELS,
  REVIEW_DIMENSIONS,
  reviewSummary,
  structuredReviewRefusal,
  type ReviewGrade,
  type StructuredReview,
  type TransitionAction,
} from '@pt/domain';

/** The structured review as the reviewer fills it in: a grade per dimension, or none yet. */
export type ReviewDraft = Partial<Record<keyof StructuredReview, ReviewGrade | null>>;

/** The review to send: complete, or none at all (an empty draft sends no review). */
export function draftReview(d: ReviewDraft): StructuredReview | null {
  return REVIEW_DIMENSIONS.every((k) => d[k]) ? (d as StructuredReview) : null;
}

/** The dimensions still without a grade (labels), when the reviewer has started. */
function missing(d: ReviewDraft): string[] {
  const started = REVIEW_DIMENSIONS.some((k) => d[k]);
  return started ? REVIEW_DIMENSIONS.filter((k) => !d[k]).map((k) => REVIEW_DIMENSION_LABELS[k]) : [];
}

/**
 * Why 审核通过 / 退回 cannot go with this review, or null: a started review must be complete, and an overall 中 or 差
 * never approves (the domain's rule and words, as the API answers them).
 */
export function reviewBlock(action: TransitionAction, d: ReviewDraft, required = false): string | null {
  const gaps = required && REVIEW_DIMENSIONS.every((k) => !d[k]) ? REVIEW_DIMENSIONS.map((k) => REVIEW_DIMENSION_LABELS[k]) : missing(d);
  if (gaps.length > 0) return `请评价：${gaps.join('、')}`;
  return structuredReviewRefusal(action, draftReview(d))?.message ?? null;
}

/** The confirmation's line for a review, or none. */
export function reviewLines(d: ReviewDraft): string[] {
  const r = draftReview(d);
  return r ? [`审核评价：${reviewSummary(r)}`] : [];
}
