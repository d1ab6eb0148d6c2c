import type { RowDiffDto } from '@pt/shared/api-types';
import { diffCounts, diffRowView, diffSummary, fieldValueText, groupDiffRows, hasRowChanges, rowKindMeta } from './row-diff';

const row = (level1: string, level2: string, name: string, target: string, extra: { core?: boolean; weight?: string | null } = {}) => ({
  level1,
  level2,
  name,
  target,
  core: extra.core ?? false,
  weight: extra.weight ?? null,
});

describe('row kinds', () => {
  it('labels and colours each kind', () => {
    expect(rowKindMeta('added')).toEqual({ label: '新增', color: 'green', className: 'kind-added' });
    expect(rowKindMeta('removed')).toEqual({ label: '删除', color: 'red', className: 'kind-removed' });
    expect(rowKindMeta('changed')).toEqual({ label: '修改', color: 'orange', className: 'kind-changed' });
    expect(rowKindMeta('unchanged').label).toBe('未变');
    expect(rowKindMeta('whatever').label).toBe('未变');
  });
});

describe('row diffs', () => {
  const changed: RowDiffDto = {
    kind: 'changed',
    beforeIndex: 0,
    afterIndex: 0,
    before: row('产出指标', '数量指标', '培训人次', '≥100(人次)', { weight: '10' }),
    after: row('产出指标', '数量指标', '培训人次', '≥120(人次)', { weight: '15', core: true }),
    fields: ['target', 'weight', 'core'],
  };
  const removed: RowDiffDto = {
    kind: 'removed',
    beforeIndex: 1,
    afterIndex: null,
    before: row('产出指标', '时效指标', '按时完成率', '=100(%)'),
    after: null,
    fields: [],
  };
  const added: RowDiffDto = {
    kind: 'added',
    beforeIndex: null,
    afterIndex: 1,
    before: null,
    after: row('效益指标', '社会效益指标', '群众知晓率', '≥90(%)'),
    fields: [],
  };
  const same: RowDiffDto = {
    kind: 'unchanged',
    beforeIndex: 2,
    afterIndex: 2,
    before: row('产出 指标', '质量指标', '合格率', '=100(%)'),
    after: row('产出 指标', '质量指标', '合格率', '=100(%)'),
    fields: [],
  };

  it('marks the changed cells with their old values', () => {
    const v = diffRowView(changed);
    const byCol = Object.fromEntries(v.cells.map((c) => [c.column, c]));
    expect(byCol['target']).toEqual({ column: 'target', text: '≥120(人次)', before: '≥100(人次)', changed: true });
    expect(byCol['weight']).toEqual({ column: 'weight', text: '15', before: '10', changed: true });
    expect(byCol['core']).toEqual({ column: 'core', text: '★', before: '', changed: true });
    expect(byCol['name']).toEqual({ column: 'name', text: '培训人次', before: null, changed: false });
    expect(v.changedLabels).toBe('指标值、核心、分值');
    expect(v.meta.label).toBe('修改');
  });

  it('shows removed rows with their old values and added rows with the new', () => {
    expect(diffRowView(removed).cells.find((c) => c.column === 'name')?.text).toBe('按时完成率');
    expect(diffRowView(added).cells.find((c) => c.column === 'target')?.text).toBe('≥90(%)');
    expect(diffRowView(removed).cells.every((c) => !c.changed)).toBe(true);
  });

  it('groups by 一级 in order of appearance, comparing normalised names', () => {
    const groups = groupDiffRows([changed, removed, added, same]);
    expect(groups.map((g) => [g.level1, g.rows.map((r) => r.kind)])).toEqual([
      ['产出指标', ['changed', 'removed', 'unchanged']],
      ['效益指标', ['added']],
    ]);
    expect(groups[0].counts).toEqual({ added: 0, removed: 1, changed: 1, unchanged: 1 });
  });

  it('leaves out unchanged rows and empty groups when asked', () => {
    const groups = groupDiffRows([same, added], true);
    expect(groups.map((g) => g.level1)).toEqual(['效益指标']);
  });

  it('names a group without 一级', () => {
    expect(groupDiffRows([{ ...added, after: row('', '', '其他', '') }])[0].level1).toBe('（未填一级指标）');
  });

  it('counts and summarises', () => {
    const counts = diffCounts([changed, removed, added, same, added]);
    expect(counts).toEqual({ added: 2, removed: 1, changed: 1, unchanged: 1 });
    expect(diffSummary(counts)).toBe('新增 2 条，删除 1 条，修改 1 条');
    expect(diffSummary(diffCounts([same]))).toBe('指标无变化');
    expect(hasRowChanges([same])).toBe(false);
    expect(hasRowChanges([same, removed])).toBe(true);
  });

  it('shows empty and boolean header values in Chinese', () => {
    expect(fieldValueText(null)).toBe('（空）');
    expect(fieldValueText('')).toBe('（空）');
    expect(fieldValueText('true')).toBe('是');
    expect(fieldValueText('500000.00')).toBe('500000.00');
  });
});

