import { createBody, followUnitName, KIND_CREATE_TEXT, unitNameOf } from './target-create';

describe('creating a target of each kind', () => {
  const base = { year: 2027, orgId: 'u1', frameworkCode: 'mof-2021' };

  it('names the name field by kind (the domain catalogue) and only a department may leave it empty', () => {
    expect(KIND_CREATE_TEXT.project.nameLabel).toBe('项目名称');
    expect(KIND_CREATE_TEXT.department.nameLabel).toBe('部门（单位）名称');
    expect(KIND_CREATE_TEXT.policy.nameLabel).toBe('政策名称');
    expect(KIND_CREATE_TEXT.policy.orgLabel).toBe('主管部门');
    expect(Object.values(KIND_CREATE_TEXT).map((t) => t.nameRequired)).toEqual([true, false, true]);
  });

  it('sends the kind and the trimmed name; a department without a name sends none', () => {
    expect(createBody({ ...base, kind: 'policy', name: '  救助政策 ' })).toEqual({ ...base, kind: 'policy', name: '救助政策' });
    expect(createBody({ ...base, kind: 'department', name: '  ' })).toEqual({ ...base, kind: 'department' });
    expect(createBody({ ...base, kind: 'department', name: '驻西宁办事处' })).toEqual({ ...base, kind: 'department', name: '驻西宁办事处' });
    // a project's empty name is sent as it is: the server names the field
    expect(createBody({ ...base, kind: 'project', name: '' })).toEqual({ ...base, kind: 'project', name: '' });
  });

  it("a department's name follows the unit until the user types another", () => {
    expect(followUnitName('department', '', null, '单位甲')).toBe('单位甲');
    expect(followUnitName('department', '单位甲', '单位甲', '单位乙')).toBe('单位乙');
    expect(followUnitName('department', '单位甲机关', '单位甲', '单位乙')).toBe('单位甲机关');
    expect(followUnitName('project', '', null, '单位甲')).toBe('');
    expect(followUnitName('project', '单位甲', '单位甲', '单位甲')).toBe('');
    expect(followUnitName('policy', '救助政策', '单位甲', '单位甲')).toBe('救助政策');
  });

  it('takes the unit name from an option label with its department', () => {
    expect(unitNameOf('合作交流办 / 驻西宁办事处')).toBe('驻西宁办事处');
    expect(unitNameOf('财政局')).toBe('财政局');
    expect(unitNameOf(null)).toBeNull();
  });
});
