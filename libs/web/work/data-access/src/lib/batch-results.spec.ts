import { batchOutcomes, batchSummary } from './batch-results';

describe('batch results', () => {
  const selected = [
    { id: 'a', name: '甲' },
    { id: 'b', name: '乙' },
    { id: 'c', name: '丙' },
  ];

  it('reports each item in the order selected: done, refused with the API message, or no answer', () => {
    const out = batchOutcomes(selected, [
      { id: 'b', status: 'submitted', error: { statusCode: 412, code: 'VERSION_MISMATCH', message: '项目已被他人修改，请刷新后重试' } },
      { id: 'a', status: 'dept_approved', version: 4 },
    ]);
    expect(out).toEqual([
      { id: 'a', name: '甲', ok: true, message: null },
      { id: 'b', name: '乙', ok: false, message: '项目已被他人修改，请刷新后重试' },
      { id: 'c', name: '丙', ok: false, message: '未收到处理结果，请刷新后查看' },
    ]);
    expect(batchSummary(out)).toBe('1 项已处理，2 项未处理');
    expect(batchSummary(out.slice(0, 1))).toBe('1 项已全部处理');
  });
});
