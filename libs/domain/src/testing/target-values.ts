import type { TargetOperator, TargetValue } from '../lib/types';

/**
 * Hand-built target values for the specs of scoring and monitoring (the parser has its own specs), and the
 * direction each operator should get, written here independently of the parser's table.
 */
export const EXPECTED_DIRECTION: Readonly<Record<TargetOperator, TargetValue['direction']>> = { '≥': 'positive', '>': 'positive', '=': 'equal', between: 'equal', '≤': 'reverse', '<': 'reverse' };

/** `≥90(%)`: an operator, a value and an optional unit. */
export function quantity(op: TargetOperator, value: string, unit: string | null = null): TargetValue {
  return { raw: `${op}${value}${unit ?? ''}`, text: `${op}${value}${unit ? `(${unit})` : ''}`, kind: 'quantitative', operator: op, value, unit, direction: EXPECTED_DIRECTION[op] };
}

/** A word or a sentence (`有效`, `明显提升`). */
export function qualitative(text: string): TargetValue {
  return { raw: text, text, kind: 'qualitative', operator: null, value: null, unit: null, direction: 'qualitative' };
}

/** `比年初规划低不少于2万元`. */
export function comparison(text: string): TargetValue {
  return { raw: text, text, kind: 'compare', operator: null, value: '2', unit: '万元', direction: 'manual', compare: { base: '年初规划', verb: '低', bound: '不少于' } };
}

export const EMPTY_TARGET: TargetValue = { raw: '', text: '', kind: 'empty', operator: null, value: null, unit: null, direction: 'qualitative' };
