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
  {
    table: YANGPU_2024_JIAOLIUBAN,
    org: 'YPB-BB',
    filler: 'yangpu',
    steps: FULL_APPROVAL('yangpu', 'ypb'),
    evaluation: { factor: '0.92', executedShare: '0.96', status: 'submitted' },
    monitoring: { month: 7, factor: '0.50' },
  },
  // last year's projects of the Yangpu units, approved and self-evaluated, so the dashboard of 2023 has figures
  {
    table: YANGPU_2024_WAISHIBAN,
    year: 2023,
    org: 'YPB-JG',
    filler: 'yangpu',
    steps: FULL_APPROVAL('yangpu', 'ypb'),
    evaluation: { factor: '1.00', executedShare: '0.98', status: 'approved' },
    monitoring: { month: 7, factor: '1.00' },
  },
  {
    table: YANGPU_2024_BANGONGTING,
    year: 2023,
    org: 'YPB-CG',
    filler: 'yangpu',
    steps: FULL_APPROVAL('yangpu', 'ypb'),
    evaluation: { factor: '0.85', executedShare: '0.90', status: 'dept_approved' },
    monitoring: { month: 7, factor: '0.70' },
  },
  {
    table: YANGPU_2024_XIUSHAN,
    year: 2023,
    org: 'YPB-DSJ',
    filler: 'yangpu',
    steps: FULL_APPROVAL('yangpu', 'ypb'),
    evaluation: { factor: '0.70', executedShare: '0.75', status: 'submitted' },
    monitoring: { month: 7, factor: '0.40' },
  },
  {
    table: YANGPU_2024_JIAOLIUBAN,
    year: 2023,
    org: 'YPB-JS',
    filler: 'yangpu',
    steps: FULL_APPROVAL('yangpu', 'ypb'),
    evaluation: { factor: '0.45', executedShare: '0.60', status: 'draft' },
  },
];


export function statusAfter(steps: DemoStep[]): ProjectStatus {
  return steps.reduce<ProjectStatus>((s, st) => nextStatus(s, st.action), 'draft');
}
