import { checkTable } from './checks';
import { frameworkProblems, scoringSettingsProblems } from './frameworks-config';
import { MOF_2021, SHANGHAI_2020 } from './frameworks';
import { DEFAULT_SCORING_SETTINGS, defaultWeights, gradeFor, scoreEvaluation, type ScoringSettings } from './scoring';
import { parseTargetValue } from './target-value';
import type { Framework } from './types';

const settings = (patch: Partial<ScoringSettings> = {}): ScoringSettings => ({ ...DEFAULT_SCORING_SETTINGS, ...patch });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

/** One reverse row (≤100 元) with an actual of 125, budget fully executed: 10 + the row's score. */
function reverseTotal(s?: Partial<ScoringSettings>) {
  return scoreEvaluation({
    framework: MOF_2021,
    rows: [{ level1: '产出指标', level2: '数量指标', name: '人均成本', target: parseTargetValue('≤100元'), actual: '125' }],
    budget: { annualBudget: '100', executed: '100' },
    settings: s,
  });
}

describe('scoring with the settings of a stored version', () => {
  it('the reverse rule: linear 90 × (1 − 25/100) = 67.50, ratio 90 × 100/125 = 72.00', () => {
    expect(reverseTotal().items[0].score).toBe('67.50');
    expect(reverseTotal(settings({ reverseRule: 'ratio' })).items[0].score).toBe('72.00');
    expect(reverseTotal(settings({ reverseRule: 'ratio' })).totalScore).toBe('82.00');
  });

  it('grade bands: the same total is 良 by default and 优 with 优 from 80', () => {
    const bands = settings({ gradeBands: [{ grade: '优', min: '80' }, { grade: '良', min: '70' }, { grade: '中', min: '50' }, { grade: '差', min: '0' }] });
    expect(reverseTotal(settings({ reverseRule: 'ratio' })).grade).toBe('良');
    expect(reverseTotal(settings({ reverseRule: 'ratio', gradeBands: bands.gradeBands })).grade).toBe('优');
    expect(gradeFor('55', bands.gradeBands)).toBe('中');
    expect(gradeFor('55')).toBe('差');
  });

  it('the far-above threshold: 130 over ≥100 is flagged at 20 % but not at 50 %', () => {
    const run = (s?: Partial<ScoringSettings>) =>
      scoreEvaluation({
        framework: MOF_2021,
        rows: [{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: parseTargetValue('≥100人次'), actual: '130' }],
        budget: { annualBudget: '1', executed: '1' },
        settings: s,
      }).items[0].flags;
    expect(run()).toContain('FAR_ABOVE_TARGET');
    expect(run(settings({ farAboveThreshold: '0.5' }))).not.toContain('FAR_ABOVE_TARGET');
  });

  it('budget points 20 / indicator points 80: 预算执行率 50 % earns 10, the group weights scale to 80', () => {
    const r = scoreEvaluation({
      framework: MOF_2021,
      rows: [
        { level1: '产出指标', level2: '数量指标', name: 'a', target: parseTargetValue('≥1个'), actual: '1' },
        { level1: '效益指标', level2: '社会效益指标', name: 'b', target: parseTargetValue('≥1个'), actual: '1' },
      ],
      budget: { annualBudget: '100', executed: '50' },
      settings: settings({ budgetPoints: '20', indicatorPoints: '80' }),
    });
    expect(r.executionScore).toBe('10.00');
    expect(r.items.map((i) => i.weight)).toEqual(['50.00', '30.00']);
    expect(r.totalScore).toBe('90.00');
  });

  it("a framework version with other weights and names is scored and checked by its own groups", () => {
    const edited: Framework = {
      ...MOF_2021,
      groups: MOF_2021.groups.map((g) => (g.role === 'output' ? { ...g, name: '产出绩效', weight: 60 } : g.role === 'benefit' ? { ...g, weight: 20 } : g)),
    };
    const rows = [
      { level1: '产出绩效', name: 'a', target: '≥1个' },
      { level1: '效益指标', name: 'b', target: '≥1个' },
      { level1: '满意度指标', name: 'c', target: '≥90%' },
    ];
    expect(defaultWeights(edited, rows)).toEqual(['60.00', '20.00', '10.00']);
    expect(defaultWeights(MOF_2021, rows)[0]).toBe('0.00'); // 产出绩效 is not a group of the shipped framework
    const table = rows.map((r) => ({ ...r, level2: r.level1 === '产出绩效' ? '数量指标' : r.level1 === '效益指标' ? '社会效益指标' : '服务对象满意度指标' }));
    const codes = (f?: Framework) => checkTable({ frameworkCode: 'mof-2021', framework: f, rows: table }).map((x) => x.code);
    expect(codes(edited)).not.toContain('NO_OUTPUT');
    expect(codes()).toContain('NO_OUTPUT');
  });
});

describe('frameworkProblems', () => {
  const mof = { name: MOF_2021.name, region: '全国', groups: MOF_2021.groups };

  it('accepts both shipped frameworks', () => {
    expect(frameworkProblems(mof)).toEqual([]);
    expect(frameworkProblems({ name: SHANGHAI_2020.name, region: '上海市', groups: SHANGHAI_2020.groups })).toEqual([]);
  });

  it('weights set on every group must add up to 90; with a group left to the split, to less than 90', () => {
    const groups = MOF_2021.groups.map((g) => (g.role === 'output' ? { ...g, weight: 55 } : g));
    expect(frameworkProblems({ ...mof, groups })).toEqual([{ field: 'groups.weight', message: '一级指标权重合计 95 分，应为 90 分' }]);
    const partial = SHANGHAI_2020.groups.map((g, i) => (i < 2 ? { ...g, weight: 45 } : g));
    expect(fields(frameworkProblems({ ...mof, groups: partial }))).toEqual(['groups.weight']);
    expect(frameworkProblems({ ...mof, groups: partial.map((g, i) => (i === 1 ? { ...g, weight: 40 } : g)) })).toEqual([]);
  });

  it('names each bad field: empty and duplicate names, a bad weight, no 二级, no 产出 group', () => {
    const groups = [
      { name: '', weight: null, role: 'benefit' as const, children: ['x'] },
      { name: '效益指标', weight: -1, role: 'benefit' as const, children: [] },
      { name: '效益 指标', weight: null, role: 'benefit' as const, children: ['a', ' a'] },
    ];
    expect(fields(frameworkProblems({ name: ' ', region: '', groups }))).toEqual([
      'name',
      'region',
      'groups[0].name',
      'groups[1].weight',
      'groups[1].children',
      'groups[2].name',
      'groups[2].children[1]',
      'groups',
    ]);
  });
});

describe('scoringSettingsProblems', () => {
  it("accepts today's settings", () => {
    expect(scoringSettingsProblems(settings())).toEqual([]);
  });

  it('grade bands must fall from 优 to 差 and 差 start at 0', () => {
    const bands = [{ grade: '优', min: '90' }, { grade: '良', min: '95' }, { grade: '中', min: '60' }, { grade: '差', min: '5' }] as ScoringSettings['gradeBands'];
    expect(scoringSettingsProblems(settings({ gradeBands: bands }))).toEqual([
      { field: 'gradeBands[1].min', message: '等级“良”的下限须低于等级“优”的下限' },
      { field: 'gradeBands[3].min', message: '等级“差”的下限须为 0' },
    ]);
    expect(fields(scoringSettingsProblems(settings({ gradeBands: bands.slice(0, 3) })))).toEqual(['gradeBands']);
  });

  it('names a bad rule, threshold and points', () => {
    const bad = settings({ reverseRule: 'log' as ScoringSettings['reverseRule'], farAboveThreshold: 'abc', budgetPoints: '15' });
    expect(fields(scoringSettingsProblems(bad))).toEqual(['reverseRule', 'farAboveThreshold', 'indicatorPoints']);
  });
});
