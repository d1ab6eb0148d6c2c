import { problemPlace, sourceLabel, yearInText } from './import-view';

describe('import view helpers', () => {
  it('labels where a project came from', () => {
    expect(sourceLabel('3–91', 'text')).toBe('第 3–91 行');
    expect(sourceLabel('申报表1', 'xlsx')).toBe('工作表「申报表1」');
    expect(sourceLabel('', 'text')).toBe('');
  });

  it('labels where a problem is', () => {
    expect(problemPlace(12)).toBe('第 12 行');
    expect(problemPlace(0)).toBe('整体');
    expect(problemPlace('')).toBe('整体');
    expect(problemPlace('申报表!5')).toBe('工作表「申报表」第 5 行');
    expect(problemPlace('申报表!0')).toBe('工作表「申报表」');
    expect(problemPlace('1–91')).toBe('第 1–91 行');
    expect(problemPlace('7')).toBe('第 7 行');
    expect(problemPlace('表头')).toBe('表头');
  });

  it('finds the year a pasted table names', () => {
    expect(yearInText('财政项目支出绩效目标表\n（2020年度）\n')).toBe(2020);
    expect(yearInText(' 2024年绩效目标\n一级目标')).toBe(2024);
    expect(yearInText('合作交流工作业务费')).toBeNull();
  });
});
