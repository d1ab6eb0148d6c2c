import { SHANGHAI_2020 } from '@pt/domain';
import { frameworkBody, frameworkFormFrom, settingsBody, settingsFormFrom } from './frameworks-form';
import { MOF_VERSION as mof, SETTINGS_VERSION as settings } from './frameworks.testing';

describe('the framework form', () => {
  it('round-trips a version: blank weights are none, 二级 typed with 、 or commas', () => {
    const form = frameworkFormFrom(mof);
    expect(form.groups.map((g) => g.weight)).toEqual(['', '50', '30', '10']);
    expect(form.groups[1].children).toBe('数量指标、质量指标、时效指标');
    form.groups[3].children = '服务对象满意度指标，公众满意度指标 , ';
    const { body, problems } = frameworkBody(form, 1);
    expect(problems).toEqual([]);
    expect(body.baseVersion).toBe(1);
    expect(body.groups.map((g) => g.weight)).toEqual([null, 50, 30, 10]);
    expect(body.groups[3].children).toEqual(['服务对象满意度指标', '公众满意度指标']);
  });

  it('shows the problems the server would answer, a weight that is not a number once', () => {
    const form = frameworkFormFrom(mof);
    form.groups[1].weight = '60';
    expect(frameworkBody(form, 1).problems).toEqual([{ field: 'groups.weight', message: '一级指标权重合计 100 分，应为 90 分' }]);
    form.groups[1].weight = '五十';
    expect(frameworkBody(form, 1).problems).toEqual([{ field: 'groups[1].weight', message: '一级指标“产出指标”的权重须为最多两位小数的数字，或留空' }]);
    const sh = frameworkFormFrom({ ...mof, code: 'shanghai-2020', groups: SHANGHAI_2020.groups });
    sh.groups[0].children = '、';
    expect(frameworkBody(sh, 1).problems.map((p) => p.field)).toEqual(['groups[0].children']);
  });
});

describe('the settings form', () => {
  it('sends the bands in order 优 良 中 差 with the base version', () => {
    const form = settingsFormFrom(settings);
    form.bands[0] = ' 85 ';
    form.reverseRule = 'ratio';
    const { body, problems } = settingsBody(form, 3);
    expect(problems).toEqual([]);
    expect(body).toMatchObject({ baseVersion: 3, reverseRule: 'ratio', note: null });
    expect(body.gradeBands).toEqual([{ grade: '优', min: '85' }, { grade: '良', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }]);
  });

  it('names a band that does not fall', () => {
    const form = settingsFormFrom(settings);
    form.bands[2] = '85';
    expect(settingsBody(form, 3).problems).toEqual([{ field: 'gradeBands[2].min', message: '等级“中”的下限须低于等级“良”的下限' }]);
  });
});
