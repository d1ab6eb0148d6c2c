import {
  extraQueryParams,
  filterTags,
  NO_EXTRA_FILTERS,
  parseExtraFilters,
  scoreLabel,
  withoutFilter,
  withSelectedYear,
  yearOptions,
} from './list-helpers';

const params = (q: Record<string, string>) => (k: string) => q[k] ?? null;

describe('year options', () => {
  it('next year first, then four before it; an older selected year is added in order', () => {
    expect(yearOptions(2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(withSelectedYear(yearOptions(2026), 2020)).toEqual([2027, 2026, 2025, 2024, 2023, 2020]);
    expect(withSelectedYear(yearOptions(2026), 2025)).toEqual(yearOptions(2026));
    expect(withSelectedYear(yearOptions(2026), null)).toEqual(yearOptions(2026));
  });
});

describe('dashboard filters of the list', () => {
  it('reads grade, score range, light and evaluation status from the URL', () => {
    expect(parseExtraFilters(params({ grade: '良', scoreMin: '60', scoreMax: '70', light: 'red', evaluationStatus: 'approved' }))).toEqual({
      grade: '良',
      scoreMin: 60,
      scoreMax: 70,
      light: 'red',
      evaluationStatus: 'approved',
    });
    expect(parseExtraFilters(params({}))).toEqual(NO_EXTRA_FILTERS);
  });

  it('drops values the API would refuse', () => {
    expect(parseExtraFilters(params({ grade: '特优', scoreMin: '-1', scoreMax: '102', light: 'purple', evaluationStatus: 'x' }))).toEqual(NO_EXTRA_FILTERS);
    expect(parseExtraFilters(params({ scoreMin: '60.5' })).scoreMin).toBeNull();
    expect(parseExtraFilters(params({ scoreMin: '' })).scoreMin).toBeNull();
    // an empty range
    expect(parseExtraFilters(params({ scoreMin: '70', scoreMax: '60' }))).toEqual(NO_EXTRA_FILTERS);
    // one bound alone is fine
    expect(parseExtraFilters(params({ scoreMax: '60' })).scoreMax).toBe(60);
  });

  it('shows them as tags in Chinese', () => {
    const f = parseExtraFilters(params({ grade: '良', scoreMin: '60', scoreMax: '70', light: 'red', evaluationStatus: 'submitted' }));
    expect(filterTags(f)).toEqual([
      { key: 'grade', label: '等级: 良' },
      { key: 'score', label: '得分 60–70' },
      { key: 'light', label: '红灯' },
      { key: 'evaluationStatus', label: '自评状态: 已提交' },
    ]);
    expect(filterTags(NO_EXTRA_FILTERS)).toEqual([]);
  });

  it('names score ranges as people say them', () => {
    expect(scoreLabel(90, 101)).toBe('得分 90–100');
    expect(scoreLabel(0, 60)).toBe('得分 0–60');
    expect(scoreLabel(0, 101)).toBe('已自评');
    expect(scoreLabel(80, null)).toBe('得分 ≥ 80');
    expect(scoreLabel(null, 60)).toBe('得分 < 60');
  });

  it('closing a tag removes its filter (the score tag both bounds) and the URL drops it', () => {
    const f = parseExtraFilters(params({ grade: '优', scoreMin: '90', scoreMax: '101', light: 'yellow' }));
    expect(withoutFilter(f, 'score')).toEqual({ ...f, scoreMin: null, scoreMax: null });
    expect(withoutFilter(f, 'grade').grade).toBeNull();
    expect(extraQueryParams(withoutFilter(f, 'light'))).toEqual({
      grade: '优',
      scoreMin: 90,
      scoreMax: 101,
      light: undefined,
      evaluationStatus: undefined,
    });
  });
});
