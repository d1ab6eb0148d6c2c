import { signal, type Signal } from '@angular/core';
import type { OrgNode } from '@pt/shared/api-types';

export interface OrgOption {
  value: string;
  label: string;
  kind: OrgNode['kind'];
}

const KIND_ORDER: Record<OrgNode['kind'], number> = { finance: 0, department: 1, unit: 2 };

/**
 * Organisations in tree order (finance bureau, each department followed by its units), labelled
 * with their place in the tree, e.g. `上海市人民政府合作交流办公室 / 上海市人民政府驻西宁办事处`.
 * `kinds` limits the options (e.g. only units for 实施单位).
 */
export function orgOptions(orgs: readonly OrgNode[], kinds?: readonly OrgNode['kind'][]): OrgOption[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const children = new Map<string | null, OrgNode[]>();
  for (const o of orgs) {
    const parent = o.parentId && byId.has(o.parentId) ? o.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(o);
    children.set(parent, list);
  }
  const out: OrgOption[] = [];
  const walk = (parent: string | null, path: string[]) => {
    const list = [...(children.get(parent) ?? [])].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code),
    );
    for (const o of list) {
      const showPath = o.kind === 'unit' && path.length > 0 ? [path[path.length - 1], o.name] : [o.name];
      if (!kinds || kinds.includes(o.kind)) out.push({ value: o.id, label: showPath.join(' / '), kind: o.kind });
      walk(o.id, [...path, o.name]);
    }
  };
  walk(null, []);
  return out;
}

/**
 * The organisations the user may see (ProjectsApi.orgs), as a signal for an organisation filter: empty until
 * they arrive, and empty when they cannot be read (the filter then offers none; the page works without it).
 */
export function visibleOrgs(api: { orgs(): Promise<OrgNode[]> }): Signal<OrgNode[]> {
  const orgs = signal<OrgNode[]>([]);
  api.orgs().then(
    (list) => orgs.set(list),
    () => orgs.set([]),
  );
  return orgs.asReadonly();
}
