import type { ImportedProjectPreview } from '@pt/web/exports/data-access';
import { choiceAllowed, choicesToSend, countByKind, existingNote, outcomeLabel, problemPlace, sourceLabel, targetNoun, unanswered, yearInText } from './import-view';

describe('import view helpers', () => {
  it('labels where a project came from', () => {
    expect(sourceLabel('3–91', 'text')).toBe('第 3–91 行');
    expect(sourceLabel('申报表1', 'xlsx')).toBe('工作表「申报表1」');
    expect(sourceLabel('', 'text')).toBe('');
  });

  it.each([
    [12, '第 12 行'],
    [0, '整体'],
    ['', '整体'],
    ['申报表!5', '工作表「申报表」第 5 行'],
    ['申报表!0', '工作表「申报表」'],
    ['1–91', '第 1–91 行'],
    ['7', '第 7 行'],
    ['表头', '表头'],
  ])('labels where a problem is: %j → %s', (where, label) => {
    expect(problemPlace(where)).toBe(label);
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
    expect(existingNote({ year: 2024, kind: 'project', existing: { id: '1', status: 'returned', editable: true } })).toBe('本单位 2024 年已有同名项目（已退回）');
    expect(existingNote({ year: 2024, kind: 'project', existing: { id: '3', status: 'approved', editable: false } })).toContain('不能替换');
    expect(existingNote({ year: 2024, kind: 'project', existing: null })).toBe('');
    expect([outcomeLabel('created'), outcomeLabel('replaced'), outcomeLabel('skipped'), outcomeLabel(undefined)]).toEqual(['已创建', '已替换', '已跳过', '']);
  });

  it('names each kind, counts the previews by kind, and offers a 部门整体 clash only 跳过, another kind no 替换', () => {
    expect([targetNoun('project'), targetNoun('department'), targetNoun('policy')]).toEqual(['项目', '部门（单位）整体绩效目标', '政策绩效目标']);
    expect(countByKind([{ kind: 'policy' }, { kind: 'project' }, { kind: 'policy' }])).toBe('项目 1、政策 2');
    const dept = { kind: 'department' as const, year: 2024, existing: { id: '1', status: 'draft' as const, editable: false } };
    expect(existingNote(dept)).toBe('本单位 2024 年已有部门（单位）整体绩效目标（草稿），每个单位每年只有一个：只能跳过，或改填其他预算年度后重新预览');
    expect((['replace', 'keepBoth', 'skip'] as const).map((c) => choiceAllowed(dept, c))).toEqual([false, false, true]);
    const policy = { kind: 'policy' as const, year: 2024, existing: { id: '2', status: 'draft' as const, editable: false } };
    expect(existingNote(policy)).toBe('本单位 2024 年已有同名政策绩效目标（草稿），只有项目可以替换同名项目：请选择保留两份或跳过');
    expect((['replace', 'keepBoth', 'skip'] as const).map((c) => choiceAllowed(policy, c))).toEqual([false, true, true]);
    expect(choiceAllowed({ kind: 'project', existing: { id: '3', status: 'draft', editable: true } }, 'replace')).toBe(true);
  });
});
