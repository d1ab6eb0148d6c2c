import { REVIEW_DIMENSIONS, reviewSummary, structuredReviewRefusal, type ReviewGrade, type StructuredReview } from './structured-review';

const review = (overall: ReviewGrade, rest: ReviewGrade = '良'): StructuredReview => ({
  completeness: rest,
  relevance: rest,
  appropriateness: rest,
  feasibility: rest,
  overall,
});

describe('structured review (财预〔2015〕88号)', () => {
  it('lets 优 and 良 approve', () => {
    expect(structuredReviewRefusal('approve', review('优'))).toBeNull();
    expect(structuredReviewRefusal('approve', review('良', '差'))).toBeNull();
  });

  it('refuses an approval whose overall result is 中 or 差 with 422 naming review.overall', () => {
    for (const g of ['中', '差'] as const) {
      const r = structuredReviewRefusal('approve', review(g, '优'));
      expect(r).toMatchObject({ status: 422, code: 'REVIEW_NOT_PASSING', field: 'review.overall' });
      expect(r?.message).toContain(`「${g}」`);
    }
  });

  it('lets a return carry any result, 优 to 差', () => {
    for (const g of ['优', '良', '中', '差'] as const) expect(structuredReviewRefusal('return', review(g))).toBeNull();
  });

  it('refuses a review on submit or withdraw (400, the field named) and asks nothing when no review is given', () => {
    expect(structuredReviewRefusal('submit', review('优'))).toMatchObject({ status: 400, field: 'review' });
    expect(structuredReviewRefusal('withdraw', review('优'))).toMatchObject({ status: 400, field: 'review' });
    expect(structuredReviewRefusal('approve', null)).toBeNull();
    expect(structuredReviewRefusal('submit', undefined)).toBeNull();
  });

  it('summarises the five judgements with their labels, in order', () => {
    expect(REVIEW_DIMENSIONS).toHaveLength(5);
    expect(reviewSummary({ completeness: '优', relevance: '良', appropriateness: '中', feasibility: '差', overall: '中' })).toBe(
      '完整性：优；相关性：良；适当性：中；可行性：差；总体：中',
    );
  });
});
