import type { MonitoringLight } from '@pt/domain';
import type { MonitoringOverviewRow } from '@pt/web/evaluation/data-access';

/** The server's order: what needs attention first (a project not monitored yet before green ones). */
const SEVERITY: Record<MonitoringLight, number> = { red: 0, yellow: 1, none: 2, green: 3, blue: 4 };

/** How many projects show each light. */
export function countByLight(rows: readonly Pick<MonitoringOverviewRow, 'light'>[]): Record<MonitoringLight, number> {
  const out: Record<MonitoringLight, number> = { red: 0, yellow: 0, green: 0, blue: 0, none: 0 };
  for (const r of rows) out[r.light in out ? r.light : 'none']++;
  return out;
}

/** Worst first (red, yellow, not monitored, green, blue), then by unit and name. */
export function sortOverview<T extends Pick<MonitoringOverviewRow, 'light' | 'orgName' | 'name'>>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (SEVERITY[a.light] ?? 4) - (SEVERITY[b.light] ?? 4) || a.orgName.localeCompare(b.orgName, 'zh') || a.name.localeCompare(b.name, 'zh'),
  );
}

/** Budget years offered: next year first, back to 2018 (the reference tables start in 2020). */
export function overviewYears(currentYear: number, selected?: number | null): number[] {
  const out: number[] = [];
  for (let y = currentYear + 1; y >= Math.min(2018, currentYear - 8); y--) out.push(y);
  if (selected && !out.includes(selected)) out.push(selected);
  return out.sort((a, b) => b - a);
}
