import type {
  DeviationReason,
  EvaluationGroupResult,
  EvaluationProblem,
  Likelihood,
  QualitativeGrade,
  TargetValue,
  TotalGrade,
} from '@pt/domain';
import type { EvaluationReport } from './follow-up';
import type { ProjectScoringBasis } from './frameworks';
import type { ProjectStatus, TransitionAction } from './projects';

// Self-evaluation (绩效自评, domain §8). It has its own review workflow with the states and actions of the project's.

export const QUALITATIVE_GRADES: readonly QualitativeGrade[] = ['达成', '部分达成', '未达成'];
export const LIKELIHOOD_OPTIONS: readonly Likelihood[] = ['确定能', '有可能', '完全不可能'];
export const DEVIATION_REASON_OPTIONS: readonly DeviationReason[] = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'];

/** 预算执行 of the self-evaluation (元). */
export interface EvaluationBudgetDto {
  annualBudget: string;
  executed: string;
}

/** A source row of the funds block (10号 附件1: 当年财政拨款 / 上年结转资金 / 其他资金), in yuan. */
export interface EvaluationFundsRowDto {
  initialBudget?: string | null;
  annualBudget?: string | null;
  executed?: string | null;
}

/**
 * The funds block beyond `budget` (元): the total row's 年初预算数 (its 全年预算数 / 全年执行数 are
 * `budget.annualBudget` / `budget.executed`) and the three source rows. Optional; each source's figures must
 * add up to the total before 提交 (422 on submit, never on save).
 */
export interface EvaluationFundsDto {
  initialBudget?: string | null;
  fiscal?: EvaluationFundsRowDto | null;
  carryover?: EvaluationFundsRowDto | null;
  other?: EvaluationFundsRowDto | null;
}

/** One row of the self-evaluation, keyed by the indicator of the approved table. */
export interface EvaluationItemDto {
  indicatorId: string;
  actual?: string | null;
  /** The unit the actual was measured in, when it is given; must equal the target's unit. */
  actualUnit?: string | null;
  grade?: QualitativeGrade | null;
  /** Explicit 得分 (qualitative rows within the grade band, compare rows within [0, 分值]). */
  score?: string | null;
  /** Explicit 分值 (all rows of a group or none; they must add up to the group weight). */
  weight?: string | null;
  achieved?: boolean | null;
  description?: string | null;
  deviationReason?: string | null;
}

/** PUT /api/projects/:id/evaluation (If-Match) */
export interface PutEvaluationDto {
  budget: EvaluationBudgetDto;
  items: EvaluationItemDto[];
  /** 年度总体目标实际完成情况. */
  goalAchievement?: string | null;
  /** The funds block's other rows (absent: left as stored). */
  funds?: EvaluationFundsDto | null;
  /** The 自评报告 texts (absent: left as stored). */
  report?: Partial<EvaluationReport> | null;
}

/** The reviewer's deduction of one row (10号: an actual far above a target set too low, reduced by the deviation). */
export interface EvaluationDeductionDto {
  indicatorId: string;
  /** true: apply the deduction (a reason is required); false: remove it. */
  apply: boolean;
  reason?: string | null;
}

/** PATCH /api/projects/:id/evaluation (If-Match): the reviewer whose turn it is applies or removes deductions. */
export interface PatchEvaluationDto {
  deductions: EvaluationDeductionDto[];
}

/** POST /api/projects/:id/evaluation/transitions (If-Match) */
export interface EvaluationTransitionDto {
  action: TransitionAction;
  comment?: string;
}

/** What the evaluator entered for one row (null where nothing was): the row's input as stored and answered. */
export type EvaluationItemInput = { [K in keyof Omit<EvaluationItemDto, 'indicatorId'>]-?: Exclude<EvaluationItemDto[K], undefined> };

/** One scored row: the row of the approved table, what was entered, and the result. */
export interface EvaluationItem {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: TargetValue;
  /** What the evaluator entered (null where nothing was). */
  input: EvaluationItemInput;
  /** 分值 used, two decimals. */
  weight: string;
  /** 得分, two decimals, half-up. */
  score: string;
  achieved: boolean | null;
  flags: string[];
  /** The reviewer's deduction for a far-exceeded target (flag DEVIATION_DEDUCTED when applied): `points` taken off. */
  deduction: EvaluationDeduction | null;
}

export interface EvaluationDeduction {
  reason: string;
  userName: string;
  at: string;
  /** 分值 − 得分 of the row, two decimals ("0.00" when the row is no longer far above its target). */
  points: string;
}

/** One row of the funds block (元, decimal strings; null where nothing is known). */
export interface EvaluationFundsRow {
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
}

/** GET/PUT /api/projects/:id/evaluation */
export interface Evaluation {
  projectId: string;
  /** The project's version: the ETag of this answer and the If-Match of the next write. */
  version: number;
  /** The evaluation's own review state; `draft` before anything was saved. */
  status: ProjectStatus;
  /** Whether anything was saved yet. */
  saved: boolean;
  budget: { annualBudget: string | null; executed: string | null };
  /**
   * The funds block of 10号 附件1 (元): `total` is 年度资金总额 (its annualBudget / executed are `budget`'s), then
   * 其中 当年财政拨款, 上年结转资金, 其他资金. Before anything is stored, 年初预算数 and 全年预算数 come from the
   * project's 年度资金申请 (annualTotal, annualFiscal, carryover, annualOther).
   */
  funds: { total: EvaluationFundsRow; fiscal: EvaluationFundsRow; carryover: EvaluationFundsRow; other: EvaluationFundsRow };
  /**
   * Set while 全年执行数 (`budget.executed`) is not the evaluator's yet but carried from the latest monitoring
   * report's 截至当月执行数 (the executed amount, not the 全年预计执行数 forecast): its month. Null once saved.
   */
  executedCarried: { source: 'monitoring'; month: number } | null;
  /** What 提交 checks beyond the scoring (偏差原因 of a missed target, the funds adding up): errors refuse 提交 with 422. */
  submissionProblems: EvaluationProblem[];
  goalAchievement: string | null;
  /** The 自评报告: 完成情况, 偏差原因, 存在问题, 改进措施. */
  report: EvaluationReport;
  executionRate: string;
  executionScore: string;
  items: EvaluationItem[];
  indicatorScore: string;
  totalScore: string;
  grade: TotalGrade;
  groups: EvaluationGroupResult[];
  /** Warnings of the scoring (errors are refused with 422 on save). */
  problems: EvaluationProblem[];
  updatedAt: string | null;
  permissions: {
    edit: boolean;
    actions: TransitionAction[];
    /** The reviewer whose turn it is may apply deductions (PATCH). */
    deduct?: boolean;
  };
  /** The framework and settings versions the project was declared under: the browser scores live with these. */
  basis: ProjectScoringBasis;
}
