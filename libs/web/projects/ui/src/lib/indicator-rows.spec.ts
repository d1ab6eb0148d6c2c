import { MOF_2021, SHANGHAI_2020 } from '@pt/domain';
import { applyPaste, navigate, parseClipboard, readPastedRows } from './indicator-clipboard';
import {
  COLUMN_COUNT,
  emptyRow,
  inferLevel1,
  level2Options,
  moveRow,
  toEditorRows,
  withLevel1,
  withLevel2,
} from './indicator-rows';
import type { EditorRow } from './indicator-rows';

function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error('expected a value');
  return x;
}

const strip = (rows: EditorRow[]) => rows.map(({ level1, level2, name, target }) => [level1, level2, name, target]);

describe('parseClipboard', () => {
  it('splits Excel text into rows and cells, dropping the trailing newline', () => {
    expect(parseClipboard('产出指标\t数量指标\t培训次数\t≥2次\r\n\t\t覆盖人数\t≥100人\r\n')).toEqual([
      ['产出指标', '数量指标', '培训次数', '≥2次'],
      ['', '', '覆盖人数', '≥100人'],
    ]);
  });

  it('reads quoted cells with tabs, newlines and doubled quotes', () => {
    expect(parseClipboard('"第一行\n第二行"\t"说""明"\nx\ty')).toEqual([
      ['第一行\n第二行', '说"明'],
      ['x', 'y'],
    ]);
  });

  it('keeps a quote inside an unquoted cell literally', () => {
    expect(parseClipboard('“一网通办”覆盖度\t=100%')).toEqual([['“一网通办”覆盖度', '=100%']]);
    expect(parseClipboard('"abc" d\te')).toEqual([['"abc" d', 'e']]);
  });
});

describe('readPastedRows', () => {
  it('reads 4 columns, continuing merged 一级/二级 cells and skipping the header and empty 二级 lines', () => {
    const cells = parseClipboard(
      [
        '一级指标\t二级指标\t三级指标\t年度(/项目)指标值',
        '成本指标\t经济成本指标\t\t',
        '产出指标\t数量指标\t完成年度出访计划\t=100.00(%)',
        '\t质量指标\t完成团组对外交流合作任务\t=100.00(%)',
        '\t\t团组任务完成质量\t良好',
        '效益指标\t社会效益指标\t加强人员交流\t加强',
        '满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90%',
      ].join('\n'),
    );
    expect(readPastedRows(cells, MOF_2021)).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '完成年度出访计划', target: '=100.00(%)' },
      { level1: '产出指标', level2: '质量指标', name: '完成团组对外交流合作任务', target: '=100.00(%)' },
      { level1: '产出指标', level2: '质量指标', name: '团组任务完成质量', target: '良好' },
      { level1: '效益指标', level2: '社会效益指标', name: '加强人员交流', target: '加强' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
    ]);
  });

  it('infers 一级 from 二级 for 3 columns and normalises spaced level names', () => {
    const cells = parseClipboard('数量 指标\t培训次数\t≥2次\n\t覆盖人数\t≥100人\n社会效益指标\t群众获得感\t提升');
    expect(readPastedRows(cells, MOF_2021)).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '培训次数', target: '≥2次' },
      { level1: '产出指标', level2: '数量指标', name: '覆盖人数', target: '≥100人' },
      { level1: '效益指标', level2: '社会效益指标', name: '群众获得感', target: '提升' },
    ]);
  });

  it('uses the framework of the project (shanghai-2020)', () => {
    expect(readPastedRows(parseClipboard('满意度\t服务对象满意度\t≥90%'), SHANGHAI_2020)).toEqual([
      { level1: '效果目标', level2: '满意度', name: '服务对象满意度', target: '≥90%' },
    ]);
  });

  it('reads 核心 and 分值 from a 5th and 6th column', () => {
    expect(readPastedRows(parseClipboard('产出指标\t数量指标\t培训次数\t≥2次\t★\t10'), MOF_2021)).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '培训次数', target: '≥2次', core: true, weight: '10' },
    ]);
  });

  it('reads 2 columns as 三级 and 指标值 only', () => {
    expect(readPastedRows(parseClipboard('培训次数\t≥2次\n覆盖人数\t≥100人'), MOF_2021)).toEqual([
      { name: '培训次数', target: '≥2次' },
      { name: '覆盖人数', target: '≥100人' },
    ]);
  });
});

describe('applyPaste', () => {
  const fw = MOF_2021;

  it('leaves a single value to the browser', () => {
    expect(applyPaste([emptyRow()], { row: 0, col: 2 }, '培训次数', fw)).toBeNull();
    expect(applyPaste([emptyRow()], { row: 0, col: 2 }, '培训次数\n', fw)).toBeNull();
  });

  it('writes rows from the focused one on, keeping ids and appending rows as needed', () => {
    const rows = [emptyRow({ id: 'a', name: '旧1' }), emptyRow({ id: 'b', name: '旧2' }), emptyRow({ id: 'c', name: '旧3' })];
    const res = must(applyPaste(rows, { row: 1, col: 0 }, '产出指标\t数量指标\t培训次数\t≥2次\n\t\t覆盖人数\t≥100人\n\t时效指标\t完成时间\t≤12月', fw));
    expect(strip(res.rows)).toEqual([
      ['', '', '旧1', ''],
      ['产出指标', '数量指标', '培训次数', '≥2次'],
      ['产出指标', '数量指标', '覆盖人数', '≥100人'],
      ['产出指标', '时效指标', '完成时间', '≤12月'],
    ]);
    expect(res.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', undefined]);
    expect(res.rows[1].key).toBe(rows[1].key);
    expect(res.count).toBe(3);
    expect(res.focus).toEqual({ row: 3, col: 3 });
  });

  it('keeps the 一级/二级 of the rows for a 2-column block', () => {
    const rows = [emptyRow({ level1: '产出指标', level2: '质量指标' })];
    const res = must(applyPaste(rows, { row: 0, col: 2 }, '验收合格率\t=100%\n返工率\t≤5%', fw));
    expect(strip(res.rows)).toEqual([
      ['产出指标', '质量指标', '验收合格率', '=100%'],
      ['产出指标', '质量指标', '返工率', '≤5%'],
    ]);
  });

  it('fills the focused column downwards with a one-column block', () => {
    const rows = [emptyRow({ name: 'a' }), emptyRow({ name: 'b' })];
    const res = must(applyPaste(rows, { row: 0, col: 3 }, '≥90%\n=100%\n良好\n', fw));
    expect(res.rows.map((r) => [r.name, r.target])).toEqual([
      ['a', '≥90%'],
      ['b', '=100%'],
      ['', '良好'],
    ]);
    expect(res.focus).toEqual({ row: 2, col: 3 });
  });

  it('matches pasted 一级 / 二级 columns to the framework', () => {
    const res = must(applyPaste([emptyRow()], { row: 0, col: 1 }, '数量 指标\n社会效益指标', fw));
    expect(strip(res.rows)).toEqual([
      ['产出指标', '数量指标', '', ''],
      ['效益指标', '社会效益指标', '', ''],
    ]);
  });
});

describe('navigate', () => {
  const n = (row: number, col: number, key: 'Tab' | 'Enter' | 'ArrowUp' | 'ArrowDown', shift = false, rows = 3) =>
    navigate({ row, col }, key, shift, rows, COLUMN_COUNT);

  it('moves with Tab and Shift+Tab across cells, wrapping rows, and leaves the grid at its ends', () => {
    expect(n(0, 0, 'Tab')).toEqual({ row: 0, col: 1, addRow: false });
    expect(n(0, COLUMN_COUNT - 1, 'Tab')).toEqual({ row: 1, col: 0, addRow: false });
    expect(n(2, COLUMN_COUNT - 1, 'Tab')).toBeNull();
    expect(n(1, 0, 'Tab', true)).toEqual({ row: 0, col: COLUMN_COUNT - 1, addRow: false });
    expect(n(0, 0, 'Tab', true)).toBeNull();
  });

  it('moves down with Enter, appending a row below the last one; Shift+Enter moves up', () => {
    expect(n(0, 3, 'Enter')).toEqual({ row: 1, col: 3, addRow: false });
    expect(n(2, 3, 'Enter')).toEqual({ row: 3, col: 3, addRow: true });
    expect(n(2, 3, 'Enter', true)).toEqual({ row: 1, col: 3, addRow: false });
    expect(n(0, 3, 'Enter', true)).toBeNull();
  });

  it('moves between rows with the arrows, staying in the column', () => {
    expect(n(1, 2, 'ArrowUp')).toEqual({ row: 0, col: 2, addRow: false });
    expect(n(0, 2, 'ArrowUp')).toBeNull();
    expect(n(1, 2, 'ArrowDown')).toEqual({ row: 2, col: 2, addRow: false });
    expect(n(2, 2, 'ArrowDown')).toBeNull();
  });
});

describe('rows and levels', () => {
  it('limits 二级 options to the chosen 一级 and offers all (labelled) without one', () => {
    expect(level2Options(MOF_2021, '产出指标', '').map((o) => o.value)).toEqual(['数量指标', '质量指标', '时效指标']);
    expect(level2Options(MOF_2021, '', '')).toContainEqual({ value: '社会效益指标', label: '社会效益指标（效益指标）', known: true });
    expect(level2Options(MOF_2021, '产出指标', '社会效益指标').at(-1)).toEqual({
      value: '社会效益指标',
      label: '社会效益指标（不属于该一级指标）',
      known: false,
    });
  });

  it('clears a 二级 that does not belong to a new 一级 and infers 一级 from 二级', () => {
    const r = emptyRow({ level1: '产出指标', level2: '数量指标' });
    expect(withLevel1(MOF_2021, r, '效益指标').level2).toBe('');
    expect(withLevel1(MOF_2021, r, '产出指标').level2).toBe('数量指标');
    expect(withLevel2(MOF_2021, emptyRow(), '服务对象满意度指标').level1).toBe('满意度指标');
    expect(inferLevel1(MOF_2021, '不存在')).toBeNull();
  });

  it('moves rows within bounds and reads saved indicators', () => {
    const rows = toEditorRows([
      { id: '1', level1: 'a', level2: 'b', name: 'x', core: true, weight: '5.00', target: { raw: '≥1个' } },
      { id: '2', level1: 'a', level2: 'b', name: 'y', core: false, weight: null, target: { raw: '良好' } },
    ]);
    expect(rows[0]).toMatchObject({ id: '1', name: 'x', target: '≥1个', core: true, weight: '5.00' });
    expect(rows[1].weight).toBe('');
    expect(moveRow(rows, 0, 1).map((r) => r.id)).toEqual(['2', '1']);
    expect(moveRow(rows, 0, -1).map((r) => r.id)).toEqual(['1', '2']);
  });
});
