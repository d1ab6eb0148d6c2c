import type { ImportedProjectPreview } from '@pt/web/exports/data-access';
import { choicesToSend, existingNote, outcomeLabel, problemPlace, sourceLabel, unanswered, yearInText } from './import-view';

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

  it('the choices for clashing names: only those with an answer are sent, the others are waited for', () => {
    const p = (name: string, existing: ImportedProjectPreview['existing']) => ({ name, existing }) as ImportedProjectPreview;
    const projects = [p('甲', { id: '1', status: 'draft', editable: true }), p('乙', null), p('丙', { id: '3', status: 'approved', editable: false }), p('甲', { id: '1', status: 'draft', editable: true })];
    expect(unanswered(projects, {})).toEqual(['甲', '丙']);
    expect(unanswered(projects, { 甲: 'keepBoth' })).toEqual(['丙']);
    expect(choicesToSend(projects, { 甲: 'keepBoth', 乙: 'skip' })).toEqual([{ name: '甲', choice: 'keepBoth' }]);
    expect(existingNote({ year: 2024, existing: { id: '1', status: 'returned', editable: true } })).toBe('本单位 2024 年已有同名项目（已退回）');
    expect(existingNote({ year: 2024, existing: { id: '3', status: 'approved', editable: false } })).toContain('不能替换');
    expect(existingNote({ year: 2024, existing: null })).toBe('');
    expect([outcomeLabel('created'), outcomeLabel('replaced'), outcomeLabel('skipped'), outcomeLabel(undefined)]).toEqual(['已创建', '已替换', '已跳过', '']);
  });
});
