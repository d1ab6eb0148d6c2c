import type { OrgNode } from '@pt/shared/api-types';
import { orgOptions } from './org-options';

describe('orgOptions', () => {
  const orgs: OrgNode[] = [
    { id: 'u2', code: 'HZB-XN', name: '驻西宁办事处', kind: 'unit', parentId: 'd1' },
    { id: 'd1', code: 'HZB', name: '合作交流办', kind: 'department', parentId: 'f' },
    { id: 'f', code: 'CZJ', name: '财政局', kind: 'finance', parentId: null },
    { id: 'u1', code: 'HZB-BB', name: '合作交流办本部', kind: 'unit', parentId: 'd1' },
  ];

  it('lists organisations in tree order, units with their department', () => {
    expect(orgOptions(orgs).map((o) => o.label)).toEqual(['财政局', '合作交流办', '合作交流办 / 合作交流办本部', '合作交流办 / 驻西宁办事处']);
    expect(orgOptions(orgs, ['unit']).map((o) => o.value)).toEqual(['u1', 'u2']);
  });

  it('treats an organisation whose parent is not visible as a root', () => {
    expect(orgOptions([orgs[0]]).map((o) => o.label)).toEqual(['驻西宁办事处']);
  });
});
