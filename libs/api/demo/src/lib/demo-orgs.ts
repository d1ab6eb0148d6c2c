import type { OrgKind, Role } from '@pt/shared/contracts';

/** The demo organisations (from the published budgets in libs/domain/src/fixtures/reference/): the finance bureau, two departments and their units. */
export interface DemoOrg {
  code: string;
  name: string;
  kind: OrgKind;
  parent: string | null;
}

export const DEMO_ORGS: DemoOrg[] = [
  { code: 'CZJ', name: '财政局', kind: 'finance', parent: null },
  { code: 'HZB', name: '上海市人民政府合作交流办公室', kind: 'department', parent: 'CZJ' },
  { code: 'HZB-BB', name: '上海市人民政府合作交流办公室本部', kind: 'unit', parent: 'HZB' },
  { code: 'HZB-GZ', name: '上海市人民政府驻广州办事处', kind: 'unit', parent: 'HZB' },
  { code: 'HZB-KM', name: '上海市人民政府驻昆明办事处', kind: 'unit', parent: 'HZB' },
  { code: 'HZB-XJ', name: '上海市人民政府驻新疆办事处', kind: 'unit', parent: 'HZB' },
  { code: 'HZB-XZ', name: '上海市人民政府驻西藏办事处', kind: 'unit', parent: 'HZB' },
  { code: 'HZB-XN', name: '上海市人民政府驻西宁办事处', kind: 'unit', parent: 'HZB' },
  { code: 'YPB', name: '上海市杨浦区人民政府办公室', kind: 'department', parent: 'CZJ' },
  { code: 'YPB-BB', name: '上海市杨浦区人民政府办公室本部', kind: 'unit', parent: 'YPB' },
  { code: 'YPB-JG', name: '上海市杨浦区机关事务管理中心', kind: 'unit', parent: 'YPB' },
  { code: 'YPB-CG', name: '上海市杨浦区政府采购中心', kind: 'unit', parent: 'YPB' },
  { code: 'YPB-DSJ', name: '上海市杨浦区大数据中心（上海市杨浦区行政服务事务中心）', kind: 'unit', parent: 'YPB' },
  { code: 'YPB-JS', name: '上海市杨浦区行政事业单位财务结算中心', kind: 'unit', parent: 'YPB' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  org: string;
}

/** The demo accounts of the API contract (password Demo@2026 for all). */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['sysadmin'], org: 'CZJ' },
  { username: 'security', displayName: '安全管理员', roles: ['secadmin'], org: 'CZJ' },
  { username: 'auditor', displayName: '审计管理员', roles: ['auditadmin'], org: 'CZJ' },
  { username: 'xining', displayName: '西宁办填报人', roles: ['filler'], org: 'HZB-XN' },
  { username: 'hzb', displayName: '合作交流办审核人', roles: ['dept_reviewer'], org: 'HZB' },
  { username: 'czj', displayName: '财政局审核人', roles: ['finance_reviewer'], org: 'CZJ' },
  { username: 'yangpu', displayName: '杨浦区府办填报人', roles: ['filler'], org: 'YPB-BB' },
  { username: 'ypb', displayName: '杨浦区府办审核人', roles: ['dept_reviewer'], org: 'YPB' },
];

export const DEMO_PASSWORD = 'Demo@2026';
