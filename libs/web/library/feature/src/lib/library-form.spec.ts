import type { LevelFramework } from '@pt/web/library/data-access';
import {
  createBody,
  emptyLibraryForm,
  errorsFromDetails,
  formFromIndicator,
  hasErrors,
  updateBody,
  validateLibraryForm,
} from './library-form';

const FW: LevelFramework = {
  code: 'mof-2021',
  groups: [
    { name: '产出指标', children: ['数量指标', '质量指标'] },
    { name: '效益指标', children: ['社会效益指标'] },
  ],
};

const ROW = {
  id: 'x',
  frameworkCode: 'mof-2021',
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  target: '≥100(人次)',
  source: '管理员添加',
  usageCount: 2,
  version: 4,
};

describe('validateLibraryForm', () => {
  it('asks for every required field', () => {
    const e = validateLibraryForm(emptyLibraryForm(), FW);
    expect(e).toEqual({
      frameworkCode: '请选择指标体系',
      level1: '请选择一级指标',
      level2: '请选择二级指标',
      name: '请填写三级指标名称',
    });
    expect(hasErrors(e)).toBe(true);
  });

  it('rejects a 二级 outside its 一级', () => {
    const e = validateLibraryForm(emptyLibraryForm({ frameworkCode: 'mof-2021', level1: '效益指标', level2: '数量指标', name: '培训人次' }), FW);
    expect(e).toEqual({ level2: '二级指标「数量指标」不属于「效益指标」' });
  });

  it('checks lengths', () => {
    const e = validateLibraryForm(
      emptyLibraryForm({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标', name: '名'.repeat(301), target: '1'.repeat(501) }),
      FW,
    );
    expect(e).toEqual({ name: '三级指标名称最多 300 个字符', target: '参考指标值最多 500 个字符' });
  });

  it('accepts a complete form', () => {
    expect(hasErrors(validateLibraryForm(formFromIndicator(ROW), FW))).toBe(false);
  });
});

describe('request bodies', () => {
  it('trims the create body and leaves out an empty target', () => {
    expect(createBody(emptyLibraryForm({ frameworkCode: 'mof-2021', level1: ' 产出指标', level2: '数量指标 ', name: ' 培训人次 ', target: '  ' }))).toEqual({
      frameworkCode: 'mof-2021',
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人次',
    });
  });

  it('sends only changed fields on update, an emptied target as null', () => {
    expect(updateBody(ROW, { ...formFromIndicator(ROW), name: '培训人次 ' })).toBeNull();
    expect(updateBody(ROW, { ...formFromIndicator(ROW), name: '参训人次', target: '' })).toEqual({ name: '参训人次', target: null });
    expect(updateBody(ROW, { ...formFromIndicator(ROW), level1: '效益指标', level2: '社会效益指标' })).toEqual({
      level1: '效益指标',
      level2: '社会效益指标',
    });
  });

  it('sends the description fields: trimmed on create, only the changed ones on update (emptied as null)', () => {
    const form = emptyLibraryForm({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标', name: '培训人次', explanation: ' 参训人次合计 ', basis: '计划标准' });
    expect(createBody(form)).toMatchObject({ explanation: '参训人次合计', basis: '计划标准' });
    expect(createBody(form)).not.toHaveProperty('dataSource');
    const stored = { ...ROW, explanation: '参训人次合计', basis: '计划标准' as const, scoringRule: null, dataSource: '签到表' };
    expect(updateBody(stored, { ...formFromIndicator(stored), dataSource: '', basis: '历史标准' })).toEqual({ basis: '历史标准', dataSource: null });
    expect(updateBody(stored, formFromIndicator(stored))).toBeNull();
  });

  it('reads a null library target as empty', () => {
    expect(formFromIndicator({ ...ROW, target: null }).target).toBe('');
  });
});

describe('errorsFromDetails', () => {
  it('maps server details onto the form fields, first message wins', () => {
    expect(
      errorsFromDetails([
        { field: 'level2', message: '二级指标不属于「效益指标」' },
        { field: 'level2', message: '另一条' },
        { field: 'other', message: '忽略' },
      ]),
    ).toEqual({ level2: '二级指标不属于「效益指标」' });
  });
});
