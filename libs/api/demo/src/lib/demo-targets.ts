import { Dec } from '@pt/domain';
import type { DepartmentBudget, DepartmentTaskInput, PolicyFieldsInput, TransitionAction } from '@pt/shared/contracts';

/**
 * The demo's targets of the two other kinds (issue 15, 全覆盖). The 部门（单位）整体 budgets are those of two units
 * in 上海市人民政府合作交流办公室 2025年部门支出预算分单位明细表 (合计; 基本支出 = 人员经费 + 公用经费; 项目支出;
 * the department's whole 2025 budget is 一般公共预算资金, so 财政拨款 = 合计), copied here: code never reads the
 * reference files. The policy target is made up for the demo (the reference departments declare no policy).
 */

export interface DemoRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
}

export interface DemoDepartmentTarget {
  org: string;
  year: number;
  /** The demo user who fills it in, or null: no demo account in that unit (its history names the seed). */
  filler: string | null;
  steps: { user: string; action: TransitionAction; comment?: string }[];
  budget: DepartmentBudget;
  tasks: DepartmentTaskInput[];
  annualGoal: string;
  rows: DemoRow[];
}

export interface DemoPolicyTarget {
  org: string;
  year: number;
  filler: string;
  name: string;
  policy: PolicyFieldsInput;
  totalGoal: string;
  annualGoal: string;
  overallRows: DemoRow[];
  rows: DemoRow[];
}

const UNIT_ROWS: DemoRow[] = [
  { level1: '产出指标', level2: '数量指标', name: '接待对口地区来沪考察团组数', target: '≥60个' },
  { level1: '产出指标', level2: '质量指标', name: '合作交流项目按计划完成率', target: '≥95%' },
  { level1: '产出指标', level2: '时效指标', name: '年度工作任务完成时限', target: '2025年12月31日前' },
  { level1: '效益指标', level2: '社会效益指标', name: '两地合作交流支撑作用', target: '支撑作用明显' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
];

interface OfficeSpending {
  amount: string;
  content: string;
}

/**
 * An 办事处's budget as the 明细表 gives it: all of it 财政拨款 (合计 = 财政拨款, no other funds), its 基本支出 the
 * task 保障机构正常运转 and its 项目支出 one cooperation task, each task paid in full from 财政拨款.
 */
function officeBudget(basic: OfficeSpending, project: OfficeSpending & { name: string }): Pick<DemoDepartmentTarget, 'budget' | 'tasks'> {
  const total = Dec.of(basic.amount).add(Dec.of(project.amount)).toFixed(2);
  const task = (name: string, t: OfficeSpending): DepartmentTaskInput => ({ name, content: t.content, amount: t.amount, fiscal: t.amount, other: null });
  return {
    budget: { total, fiscal: total, other: '0.00', basic: basic.amount, project: project.amount },
    tasks: [task('保障机构正常运转', basic), task(project.name, project)],
  };
}

export const DEMO_DEPARTMENT_TARGETS: DemoDepartmentTarget[] = [
  {
    org: 'HZB-XN',
    year: 2025,
    filler: 'xining',
    steps: [
      { user: 'xining', action: 'submit' },
      { user: 'hzb', action: 'approve', comment: '部门整体目标与年度预算相符，同意。' },
      { user: 'czj', action: 'approve', comment: '同意批复。' },
    ],
    // 西宁办事处: 5,840,000 = 人员经费 2,021,182 + 公用经费 2,401,618 + 项目支出 1,417,200
    ...officeBudget(
      { amount: '4422800.00', content: '人员经费和公用经费，保障办事处日常运行' },
      { amount: '1417200.00', name: '沪青合作交流', content: '服务两地合作交流和对口支援，接待考察团组，开展课题研究' },
    ),
    annualGoal: '保障办事处正常运转，做好本市与青海省合作交流和对口支援的联络、协调和服务工作。',
    rows: UNIT_ROWS,
  },
  {
    org: 'HZB-GZ',
    year: 2025,
    filler: null,
    steps: [],
    // 广州办事处: 6,684,000 = 人员经费 2,004,020 + 公用经费 3,655,980 + 项目支出 1,024,000
    ...officeBudget(
      { amount: '5660000.00', content: '人员经费和公用经费' },
      { amount: '1024000.00', name: '沪粤合作交流', content: '服务两地经济合作与交流' },
    ),
    annualGoal: '保障办事处正常运转，做好本市与广东省经济合作与交流的服务工作。',
    rows: UNIT_ROWS,
  },
];

export const DEMO_POLICY_TARGETS: DemoPolicyTarget[] = [
  {
    org: 'YPB-BB',
    year: 2025,
    filler: 'yangpu',
    name: '杨浦区政务服务“一网通办”便民补贴政策（演示）',
    policy: { basis: '杨浦区政务服务“一网通办”工作方案（演示）', startYear: 2025, endYear: 2027, totalFunds: '3000000.00', annualFunds: '1000000.00' },
    totalGoal: '三年内实现区级政务服务事项“一网通办”全覆盖，群众办事满意度持续提升。',
    annualGoal: '本年度新增接入“一网通办”事项不少于100项。',
    overallRows: [
      { level1: '产出指标', level2: '数量指标', name: '接入“一网通办”事项数', target: '≥300项' },
      { level1: '效益指标', level2: '社会效益指标', name: '群众办事平均跑动次数', target: '≤0.5次' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '办事群众满意度', target: '≥95%' },
    ],
    rows: [
      { level1: '产出指标', level2: '数量指标', name: '新增接入“一网通办”事项数', target: '≥100项' },
      { level1: '产出指标', level2: '质量指标', name: '事项办理一次通过率', target: '≥90%' },
      { level1: '效益指标', level2: '社会效益指标', name: '线上办理占比', target: '≥70%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '办事群众满意度', target: '≥95%' },
    ],
  },
];
