import { parseTargetValue } from '@pt/domain';
import type { Finding, TargetValue } from '@pt/domain';
import { isValidWeight, level1Options, level2Options } from './indicator-rows';
import type { EditorRow, TableFramework } from './indicator-rows';
import { valueFixes } from './table-cells';

/** What the indicator table shows of one row, and how it is kept between key presses (no Angular). */

/** A reviewer's comment on a row (the project's `reviewComments`). */
export interface RowReviewComment {
  id?: string;
  indicatorId: string | null;
  /** The row as it was when commented on. */
  indicatorName?: string | null;
  comment: string;
  user: string;
  at: string;
  action?: string | null;
}

export interface RowView {
  row: EditorRow;
  /** 1-based row number, as shown and as in the messages (第N行). */
  n: number;
  parsed: TargetValue;
  kindLabel: string;
  /** ng-zorro's tag colour class of the value's kind. */
  kindClass: string;
  /** What the 一级 / 二级 cells show: the option's label (with a note when not in the framework), '' when empty. */
  level1Label: string;
  level2Label: string;
  findings: Finding[];
  /** One-click replacements of a value the checks could not read (`改为 ≥90.00(%)`). */
  fixes: string[];
  reviewComments: RowReviewComment[];
  weightInvalid: boolean;
}

const KIND_LABEL: Record<string, [string, string]> = {
  quantitative: ['定量', 'ant-tag-blue'],
  compare: ['比较', 'ant-tag-purple'],
  qualitative: ['定性', ''],
};

/** What a row shows that depends on the row alone (kept while the row object is unchanged). */
export interface RowDerived {
  parsed: TargetValue;
  kindLabel: string;
  kindClass: string;
  level1Label: string;
  level2Label: string;
  weightInvalid: boolean;
}

export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, k) => f.code === b[k].code && f.severity === b[k].severity && f.message === b[k].message);
}

/** The parse and labels of a row, computed once per row object. */
export function deriveRow(fw: TableFramework | null, row: EditorRow): RowDerived {
  const parsed = parseTargetValue(row.target);
  const [kindLabel, kindClass] = KIND_LABEL[parsed.kind] ?? ['', ''];
  return {
    parsed,
    kindLabel,
    kindClass,
    level1Label: row.level1 === '' ? '' : (level1Options(fw, row.level1).find((o) => o.value === row.level1)?.label ?? row.level1),
    level2Label: row.level2 === '' ? '' : (level2Options(fw, row.level1, row.level2).find((o) => o.value === row.level2)?.label ?? row.level2),
    weightInvalid: !isValidWeight(row.weight),
  };
}

/** Reviewers' comments on rows, by the row's indicator id. */
export function commentsByIndicator(comments: readonly RowReviewComment[]): Map<string, RowReviewComment[]> {
  const map = new Map<string, RowReviewComment[]>();
  for (const c of comments) {
    if (!c.indicatorId) continue;
    const list = map.get(c.indicatorId) ?? [];
    list.push(c);
    map.set(c.indicatorId, list);
  }
  return map;
}

/** One empty list for every row without comments, so that an unchanged row compares equal and keeps its view. */
const NO_COMMENTS: RowReviewComment[] = [];

/**
 * The table's row views between key presses: a key press changes one row object, so a row's parse and labels are
 * kept per row object, and an unchanged row at the same place with the same findings keeps its view (nothing in it
 * is drawn again).
 */
export class RowViews {
  private derived = new WeakMap<EditorRow, RowDerived>();
  private framework: TableFramework | null = null;
  private previous: RowView[] = [];

  update(fw: TableFramework | null, rows: readonly EditorRow[], findings: readonly Finding[], comments: ReadonlyMap<string, RowReviewComment[]>): RowView[] {
    if (fw !== this.framework) {
      this.derived = new WeakMap();
      this.framework = fw;
    }
    const byRow = new Map<number, Finding[]>();
    for (const f of findings) {
      if (f.indicatorIndex === null) continue;
      const list = byRow.get(f.indicatorIndex) ?? [];
      list.push(f);
      byRow.set(f.indicatorIndex, list);
    }
    const previous = this.previous;
    const views = rows.map((row, i): RowView => {
      const rowFindings = byRow.get(i) ?? [];
      const reviewComments = (row.id && comments.get(row.id)) || NO_COMMENTS;
      const before = previous[i];
      if (before && before.row === row && before.n === i + 1 && before.reviewComments === reviewComments && sameFindings(before.findings, rowFindings)) return before;
      return { row, n: i + 1, ...this.derive(fw, row), findings: rowFindings, fixes: valueFixes(row.target, row.name, rowFindings), reviewComments };
    });
    this.previous = views;
    return views;
  }

  private derive(fw: TableFramework | null, row: EditorRow): RowDerived {
    let d = this.derived.get(row);
    if (!d) {
      d = deriveRow(fw, row);
      this.derived.set(row, d);
    }
    return d;
  }
}
