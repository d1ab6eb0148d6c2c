import { draftReview, reviewBlock, reviewLines } from './review-rules';

const full = { completeness: '优', relevance: '良', appropriateness: '良', feasibility: '优' } as const;

describe('review rules', () => {
  it('no review started: nothing blocks (unless required), nothing is sent', () => {
    expect(reviewBlock('approve', {})).toBeNull();
    expect(draftReview({})).toBeNull();
    expect(reviewBlock('return', {}, true)).toBe('请评价：完整性、相关性、适当性、可行性、总体');
  });

  it('a started review must be complete', () => {
    expect(reviewBlock('approve', { completeness: '优', overall: '良' })).toBe('请评价：相关性、适当性、可行性');
    expect(draftReview({ completeness: '优', overall: '良' })).toBeNull();
  });

  it('中 or 差 overall never approves, but may return', () => {
    expect(reviewBlock('approve', { ...full, overall: '中' })).toContain('总体评价为「中」，不能审核通过');
    expect(reviewBlock('approve', { ...full, overall: '差' })).toContain('总体评价为「差」');
    expect(reviewBlock('return', { ...full, overall: '中' })).toBeNull();
    expect(reviewBlock('approve', { ...full, overall: '良' })).toBeNull();
  });

  it('the confirmation names the grades', () => {
    expect(reviewLines({ ...full, overall: '良' })).toEqual(['审核评价：完整性：优；相关性：良；适当性：良；可行性：优；总体：良']);
    expect(reviewLines({})).toEqual([]);
  });
});
