import type { IndicatorMeta, IndicatorRow } from '@pt/domain';
import type { Funds, TransitionAction } from './projects';
import type { StructuredReview } from './work';

// Request bodies of the project endpoints (the api validates them with the DTO classes of @pt/shared/contracts).

/** 项目资金 (元). Decimal strings, never numbers; a field left out stays as it is. */
export type FundsDto = Partial<Funds>;

/** Header fields other than the name (shared by create and update). */
export interface ProjectHeaderDto {
  nature?: string | null;
  category?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  governmentPurchase?: boolean | null;
  performanceType?: string | null;
  funds?: FundsDto | null;
  lastYearBudget?: string | null;
  lastYearExecuted?: string | null;
  overview?: string | null;
  basis?: string | null;
  necessity?: string | null;
  measures?: string | null;
  plan?: string | null;
  totalGoal?: string | null;
  annualGoal?: string | null;
}

/** PATCH /api/projects/:id: header fields a filler may change. */
export interface UpdateProjectDto extends ProjectHeaderDto {
  name?: string;
}

/** POST /api/projects */
export interface CreateProjectDto extends ProjectHeaderDto {
  year: number;
  name: string;
  orgId: string;
  frameworkCode: string;
}

/** A row of an indicator table as typed (`target` is the raw text the domain parses). */
export interface IndicatorInputDto extends IndicatorRow, IndicatorMeta {
  /** An existing row's id (keeps its review comments); omitted for new rows. */
  id?: string;
}

/** PUT /api/projects/:id/indicators (and …/goals/:goalId/indicators) */
export interface PutIndicatorsDto {
  indicators: IndicatorInputDto[];
}

export interface RowCommentDto {
  indicatorId: string;
  comment: string;
}

/** POST /api/projects/:id/transitions */
export interface TransitionDto {
  action: TransitionAction;
  comment?: string;
  /** Per-row review comments (reviewers, with approve or return). */
  rowComments?: RowCommentDto[];
  /** The structured review of 财预〔2015〕88号 (reviewers, with approve or return; an approval needs 优 or 良 overall). */
  review?: StructuredReview | null;
}

/** POST /api/projects/:id/adjustments: start a new revision of an approved project. */
export interface AdjustProjectDto {
  reason: string;
}

/** POST /api/projects/:id/goals: the annual goal of another year of a multi-year project. */
export interface CreateGoalDto {
  year: number;
  text?: string | null;
}

