import type { Finding } from '@pt/domain';

/**
 * Where a finding is, as the panel puts it before the message: 整表 for the whole table, 第N行 for a row — or null
 * when the message already begins with its row (the domain's row messages start with `rowLabel`: 第3行「培训人次」…),
 * so the row is not said twice.
 */
export function findingPlace(f: Pick<Finding, 'indicatorIndex' | 'message'>): string | null {
  if (f.indicatorIndex === null) return '整表';
  const row = `第${f.indicatorIndex + 1}行`;
  return f.message.startsWith(row) ? null : row;
}
