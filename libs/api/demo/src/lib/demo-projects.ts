import {
  XINING_2020_YEWU,
  XINING_2020_ZHUANXIANG,
  YANGPU_2024_BANGONGTING,
  YANGPU_2024_JIAOLIUBAN,
  YANGPU_2024_WAISHIBAN,
  YANGPU_2024_XIUSHAN,
  nextStatus,
  type ReferenceTable,
} from '@pt/domain';
import type { ProjectStatus, TransitionAction } from '@pt/shared/contracts';

/** A step of a demo project's review history: who did what, with which comment. */
export interface DemoStep {
  user: string;
  action: TransitionAction;
  comment?: string;
  /** Per-row comment: the row's 三级 name and the comment. */
  rowComment?: { name: string; comment: string };
}

/** The reference projects as demo data, each in a state a user of the workflow would meet. */
export interface DemoProject {
  table: ReferenceTable;
  org: string;
  filler: string;
  steps: DemoStep[];
  /** Another year than the table's (last year's projects of the same name, in another unit). */
  year?: number;
  /** A saved self-evaluation: actuals at `factor` × target (decimal string), budget executed at `executedShare`. */
  evaluation?: { factor: string; executedShare: string; status: ProjectStatus };
  /** A monitoring report of `month`: current values at `factor` × the target due by then. */
  monitoring?: { month: number; factor: string };
}

const FULL_APPROVAL = (filler: string, dept: string): DemoStep[] => [
  { user: filler, action: 'submit' },
  { user: dept, action: 'approve', comment: '指标设置完整，同意。' },
  { user: 'czj', action: 'approve', comment: '同意批复。' },
];

/**
 * A Yangpu unit's project approved at both levels (区部门 ypb, then 财政局), self-evaluated as `evaluation` says and,
 * with `monitoredAt`, reported for July at that factor; `year` for last year's project of the same name.
 */
function approvedYangpu(table: ReferenceTable, org: string, evaluation: NonNullable<DemoProject['evaluation']>, monitoredAt?: string, year?: number): DemoProject {
  return { table, year, org, filler: 'yangpu', steps: FULL_APPROVAL('yangpu', 'ypb'), evaluation, monitoring: monitoredAt ? { month: 7, factor: monitoredAt } : undefined };
}

export const DEMO_PROJECTS: DemoProject[] = [
  { table: XINING_2020_YEWU, org: 'HZB-XN', filler: 'xining', steps: FULL_APPROVAL('xining', 'hzb') },
  { table: XINING_2020_ZHUANXIANG, org: 'HZB-XN', filler: 'xining', steps: [{ user: 'xining', action: 'submit' }] },
  {
    table: YANGPU_2024_WAISHIBAN,
    org: 'YPB-BB',
    filler: 'yangpu',
    steps: [
      { user: 'yangpu', action: 'submit' },
      { user: 'ypb', action: 'approve', comment: '同意，请财政局审核。' },
    ],
  },
  {
    table: YANGPU_2024_BANGONGTING,
    org: 'YPB-BB',
    filler: 'yangpu',
    steps: [
      { user: 'yangpu', action: 'submit' },
      {
        user: 'ypb',
        action: 'return',
        comment: '部分指标名称中写入了数值，另有指标与交流办项目重复，请修改后重新提交。',
        rowComment: { name: '全年拟开展业务培训2次，培训干部160余人次(政务公开科)', comment: '数值请写入指标值，名称改为“开展业务培训次数”。' },
      },
    ],
  },
  { table: YANGPU_2024_XIUSHAN, org: 'YPB-BB', filler: 'yangpu', steps: [] },
  approvedYangpu(YANGPU_2024_JIAOLIUBAN, 'YPB-BB', { factor: '0.92', executedShare: '0.96', status: 'submitted' }, '0.50'),
  // last year's projects of the Yangpu units, approved and self-evaluated, so the dashboard of 2023 has figures
  approvedYangpu(YANGPU_2024_WAISHIBAN, 'YPB-JG', { factor: '1.00', executedShare: '0.98', status: 'approved' }, '1.00', 2023),
  approvedYangpu(YANGPU_2024_BANGONGTING, 'YPB-CG', { factor: '0.85', executedShare: '0.90', status: 'dept_approved' }, '0.70', 2023),
  approvedYangpu(YANGPU_2024_XIUSHAN, 'YPB-DSJ', { factor: '0.70', executedShare: '0.75', status: 'submitted' }, '0.40', 2023),
  approvedYangpu(YANGPU_2024_JIAOLIUBAN, 'YPB-JS', { factor: '0.45', executedShare: '0.60', status: 'draft' }, undefined, 2023),
];


export function statusAfter(steps: DemoStep[]): ProjectStatus {
  return steps.reduce<ProjectStatus>((s, st) => nextStatus(s, st.action), 'draft');
}
