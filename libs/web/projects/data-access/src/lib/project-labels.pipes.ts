import { Pipe, type PipeTransform } from '@angular/core';
import { statusColor, statusLabel } from './project-labels';
import { kindColor, kindLabel } from './target-kinds';

/*
 * A target's status and kind as a template shows them, e.g.
 * `<nz-tag [nzColor]="p.status | ptStatus: 'color'">{{ p.status | ptStatus }}</nz-tag>`: pure pipes, so that no
 * component keeps the label functions as fields of its own.
 */

/** `{{ p.status | ptStatus }}` → 草稿, 已提交 …; `p.status | ptStatus: 'color'` → its nz-tag colour. */
@Pipe({ name: 'ptStatus' })
export class StatusPipe implements PipeTransform {
  transform(status: string | null | undefined, what: 'label' | 'color' = 'label'): string {
    return what === 'color' ? statusColor(status) : statusLabel(status);
  }
}

/** `{{ p.kind | ptKind }}` → 项目, 部门（单位）整体 … (none: a project); `p.kind | ptKind: 'color'` → its nz-tag colour. */
@Pipe({ name: 'ptKind' })
export class KindPipe implements PipeTransform {
  transform(kind: string | null | undefined, what: 'label' | 'color' = 'label'): string {
    return what === 'color' ? kindColor(kind) : kindLabel(kind);
  }
}
