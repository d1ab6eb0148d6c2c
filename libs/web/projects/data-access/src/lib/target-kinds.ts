import { labelOf, TARGET_KIND_LABELS } from '@pt/domain';
import { TARGET_KINDS, type TargetKindKey } from '@pt/shared/api-types';

export { TARGET_KINDS };
export type { TargetKindKey };

/** The kinds as a filter or a choice offers them, named by the domain's catalogue. */
export const TARGET_KIND_OPTIONS: { value: TargetKindKey; label: string }[] = TARGET_KINDS.map((value) => ({ value, label: TARGET_KIND_LABELS[value] }));

/** `nz-tag` colours per kind (the list's 类型 column). */
const KIND_COLORS: Record<TargetKindKey, string> = { project: 'default', department: 'geekblue', policy: 'purple' };

/** The label of a kind; a target without one (an older answer) is a project. */
export function kindLabel(kind: string | null | undefined): string {
  return labelOf(TARGET_KIND_LABELS, kind ?? 'project');
}

export function kindColor(kind: string | null | undefined): string {
  return (KIND_COLORS as Record<string, string>)[kind ?? 'project'] ?? 'default';
}

/** A kind from a URL parameter; null for none or an unknown one. */
export function parseKind(raw: string | null | undefined): TargetKindKey | null {
  return raw && (TARGET_KINDS as readonly string[]).includes(raw) ? (raw as TargetKindKey) : null;
}
