import { type EvaluationFundsInput, type FundsSource, textOrNull } from '@pt/domain';
import type { Evaluation, EvaluationFundsDto, EvaluationFundsRow, EvaluationFundsRowDto } from '@pt/shared/contracts';
import type { ProjectRow } from '../store/project-row';

/**
 * The funds block of the 自评表 (10号 附件1) as stored: the jsonb `funds` of project_evaluation (yuan
 * strings). The total's 全年预算数 / 全年执行数 stay in their columns (`budget`), so older clients keep working.
 */
export interface StoredFunds {
  initialBudget: string | null;
  fiscal: EvaluationFundsRow | null;
  carryover: EvaluationFundsRow | null;
  other: EvaluationFundsRow | null;
}


function row(dto: EvaluationFundsRowDto | null | undefined): EvaluationFundsRow | null {
  if (!dto) return null;
  return { initialBudget: textOrNull(dto.initialBudget), annualBudget: textOrNull(dto.annualBudget), executed: textOrNull(dto.executed) };
}

/** What a PUT stores; `undefined` when the request has no `funds` (the stored block is kept). */
export function toStoredFunds(dto: EvaluationFundsDto | null | undefined): StoredFunds | undefined {
  if (dto === undefined) return undefined;
  return {
    initialBudget: textOrNull(dto?.initialBudget),
    fiscal: row(dto?.fiscal),
    carryover: row(dto?.carryover),
    other: row(dto?.other),
  };
}

const EMPTY_ROW: EvaluationFundsRow = { initialBudget: null, annualBudget: null, executed: null };

/**
 * The block as read. Nothing stored yet: 年初预算数 of each row is the project's 年度资金申请 (the budget
 * at the start of the year: annualTotal, annualFiscal, carryover, annualOther), and so is 全年预算数 of a
 * source while the evaluation was never saved (the total's 全年预算数 defaults the same way in `budget`).
 */
export function readFunds(
  stored: StoredFunds | null | undefined,
  budget: Evaluation['budget'],
  project: Pick<ProjectRow, 'fund_annual_total' | 'fund_annual_fiscal' | 'fund_carryover' | 'fund_annual_other'>,
  saved: boolean,
): Evaluation['funds'] {
  const declared = { fiscal: project.fund_annual_fiscal ?? null, carryover: project.fund_carryover ?? null, other: project.fund_annual_other ?? null };
  const total = { initialBudget: stored ? stored.initialBudget : (project.fund_annual_total ?? null), ...budget };
  const source = (s: FundsSource): EvaluationFundsRow =>
    stored ? { ...EMPTY_ROW, ...stored[s] } : { initialBudget: declared[s], annualBudget: saved ? null : declared[s], executed: null };
  return { total, fiscal: source('fiscal'), carryover: source('carryover'), other: source('other') };
}

/** The domain's input for `fundsProblems`. */
export function fundsInput(funds: Evaluation['funds']): EvaluationFundsInput {
  return { total: funds.total, fiscal: funds.fiscal, carryover: funds.carryover, other: funds.other };
}
