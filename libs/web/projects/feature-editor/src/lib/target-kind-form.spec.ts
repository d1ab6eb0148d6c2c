import type { Target } from '@pt/web/projects/data-access';
import { headerFromProject } from './project-form';
import type { HeaderFormValue } from './project-form';
import {
  departmentBody,
  departmentFromTarget,
  emptyTask,
  fieldHint,
  formTaskField,
  kindBody,
  kindSignature,
  policyBody,
  policyFromTarget,
  targetFieldLabel,
  detailText,
} from './target-kind-form';
import type { KindFormValues } from './target-kind-form';

const header = (over: Partial<HeaderFormValue> = {}): HeaderFormValue => ({
  ...headerFromProject({ name: '驻西宁办事处', funds: {} } as unknown as Target),
  ...over,
});

const department: Target['department'] = {
  budget: { total: '5925000.00', fiscal: '5925000.00', other: null, basic: '4000000.00', project: '1925000.00' },
  tasks: [{ name: '对口支援', content: '协调对口支援', amount: '1925000.00', fiscal: '1925000.00', other: null }],
};

describe('department form', () => {
  it('shows the amounts with thousands separators and sends them back as decimals, unchanged', () => {
    const v = departmentFromTarget({ department });
    expect(v.budget.total).toBe('5,925,000.00');
    expect(v.budget.other).toBe('');
    expect(v.tasks[0]).toEqual({ name: '对口支援', content: '协调对口支援', amount: '1,925,000.00', fiscal: '1,925,000.00', other: '' });
    const body = departmentBody(v);
    expect(body.errors).toEqual([]);
    expect(body.department).toEqual(department);
  });

  it('a target without the block (an older answer) shows an empty form', () => {
    expect(departmentFromTarget({ department: null })).toEqual({ budget: { total: '', fiscal: '', other: '', basic: '', project: '' }, tasks: [] });
  });

  it('drops wholly empty rows and maps the rows sent back to the form rows', () => {
    const v = departmentFromTarget({ department });
    v.tasks = [emptyTask(), v.tasks[0], { ...emptyTask(), name: ' 信息化 ', amount: '1,000' }];
    const body = departmentBody(v);
    expect(body.department.tasks.map((t) => t.name)).toEqual(['对口支援', '信息化']);
    expect(body.department.tasks[1].amount).toBe('1000.00');
    expect(body.taskRows).toEqual([1, 2]);
    expect(formTaskField('department.tasks[1].amount', body.taskRows)).toBe('department.tasks[2].amount');
    expect(formTaskField('department.budget.total', body.taskRows)).toBe('department.budget.total');
  });

  it('names the field of a bad amount and of a row without a task name (nothing is dropped silently)', () => {
    const v = departmentFromTarget({ department });
    v.budget.fiscal = '五百万';
    v.tasks.push({ ...emptyTask(), content: '只写了内容', amount: '-1' });
    const { errors } = departmentBody(v);
    expect(errors.map((e) => e.field)).toEqual(['department.budget.fiscal', 'department.tasks[1].name', 'department.tasks[1].amount']);
    expect(errors[0].message).toContain('年度预算申请财政拨款');
    expect(errors[1].message).toBe('年度主要任务第2行：请填写任务名称');
  });
});

describe('policy form', () => {
  const policy: Target['policy'] = { basis: '沪府办〔2024〕1号', startYear: 2025, endYear: 2027, totalFunds: '30000000.00', annualFunds: '10000000.00' };

  it('round-trips the block', () => {
    const v = policyFromTarget({ policy });
    expect(v.totalFunds).toBe('30,000,000.00');
    expect(policyBody(v)).toEqual({ policy, errors: [] });
  });

  it('refuses a period that ends before it starts, at the end year', () => {
    const v = { ...policyFromTarget({ policy }), startYear: 2027, endYear: 2025 };
    expect(policyBody(v).errors.map((e) => e.field)).toEqual(['policy.endYear']);
  });
});

describe('the PATCH body by kind', () => {
  const values = (over: Partial<KindFormValues> = {}): KindFormValues => ({
    header: header({ annualGoal: '完成年度任务', totalGoal: '三年目标', nature: '经常性项目' }),
    department: departmentFromTarget({ department }),
    policy: policyFromTarget({ policy: null }),
    ...over,
  });

  it("a department sends its name, annual goal and block, not a project's fields", () => {
    const { body, errors } = kindBody('department', values());
    expect(errors).toEqual([]);
    expect(body).toEqual({ name: '驻西宁办事处', annualGoal: '完成年度任务', department });
  });

  it('a policy sends its 中期 goal as totalGoal', () => {
    const { body } = kindBody('policy', values());
    expect(body).toMatchObject({ name: '驻西宁办事处', totalGoal: '三年目标', annualGoal: '完成年度任务', policy: { basis: null, startYear: null } });
    expect(body).not.toHaveProperty('nature');
  });

  it('a project sends the project header as before', () => {
    expect(kindBody('project', values()).body).toMatchObject({ nature: '经常性项目', totalGoal: '三年目标' });
  });

  it("an empty name is named by the kind's label", () => {
    expect(kindBody('department', values({ header: header({ name: ' ' }) })).errors[0]).toEqual({ field: 'name', message: '请填写部门（单位）名称' });
    expect(kindBody('policy', values({ header: header({ name: '' }) })).errors[0].message).toBe('请填写政策名称');
  });

  it('the signature ignores how an amount is typed and sees a real change (dirty flag)', () => {
    const a = values();
    const b = values();
    b.department.budget.total = '5925000';
    expect(kindSignature('department', b)).toBe(kindSignature('department', a));
    b.department.tasks[0].content = '协调对口支援工作';
    expect(kindSignature('department', b)).not.toBe(kindSignature('department', a));
    // a project field typed on a department target does not make it dirty (it is not sent)
    expect(kindSignature('department', values({ header: header({ annualGoal: '完成年度任务', nature: '一次性项目' }) }))).toBe(kindSignature('department', a));
  });
});

describe('fieldHint', () => {
  const errors = new Map([['department.budget.total', '年度预算申请资金总额须为金额']]);
  it("puts the field's own bad amount first, then the save's refusal, then the live check as a warning", () => {
    expect(fieldHint('department.budget.total', errors, false, { message: 'x' })).toEqual({ status: 'error', message: '年度预算申请资金总额须为金额' });
    expect(fieldHint('department.budget.total', errors, true, undefined)).toEqual({ status: 'error', message: '须为非负金额，最多两位小数，如 500000.00' });
    expect(fieldHint('department.budget.fiscal', errors, false, { message: '不等于' })).toEqual({ status: 'warning', message: '不等于' });
    expect(fieldHint('department.budget.fiscal', errors, false, undefined)).toBeNull();
  });
});

describe('targetFieldLabel', () => {
  it('names the fields of every kind', () => {
    expect(targetFieldLabel('department.budget.basic')).toBe('年度预算申请基本支出');
    expect(targetFieldLabel('department.tasks[1].amount')).toBe('年度主要任务第2行预算金额总额');
    expect(targetFieldLabel('department.tasks')).toBe('年度主要任务');
    expect(targetFieldLabel('policy.endYear')).toBe('实施期结束年度');
    expect(targetFieldLabel('funds.total')).toBe('项目资金总额');
  });
});

describe('detailText', () => {
  it('names the field once', () => {
    expect(detailText({ field: 'department.tasks[1].amount', message: '年度主要任务第2行预算金额总额须为金额' })).toBe('年度主要任务第2行预算金额总额须为金额');
    expect(detailText({ field: 'policy.basis', message: '最多 5000 个字符' })).toBe('政策依据：最多 5000 个字符');
    expect(detailText({ message: '请稍后重试' })).toBe('请稍后重试');
  });
});
