import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ProjectSummary } from '@pt/web/projects/data-access';
import { ProjectTableComponent } from './project-table.component';
import { pageTestProviders, stabilize } from '@pt/web/shared/data-access/testing';
import { serverPage } from '@pt/web/shared/ui';

const row = (id: string, name: string) => ({ id, name, year: 2027, orgName: '西宁办', status: 'submitted', version: 2, indicatorCount: 4 }) as unknown as ProjectSummary;

/** A page of the two rows 甲项目 and 乙项目, of `total` in all. */
function twoRows(total = 2) {
  const list = serverPage<ProjectSummary>(20, () => undefined);
  list.show({ items: [row('a', '甲项目'), row('b', '乙项目')], total });
  return list;
}

@Component({
  imports: [ProjectTableComponent],
  template: `<pt-project-table [list]="list" [inbox]="true" [selectable]="true" [(selected)]="selected" />`,
})
class HostComponent {
  readonly list = twoRows();
  readonly selected = signal<readonly string[]>([]);
}

describe('ProjectTableComponent: 批量审核 selection', () => {
  it('ticks rows by their checkbox (the row does not open), all of the page at once, and back', async () => {
    TestBed.configureTestingModule({ providers: pageTestProviders() });
    const fixture = TestBed.createComponent(HostComponent);
    const settle = () => stabilize(fixture);
    await settle();
    const el = fixture.nativeElement as HTMLElement;
    const boxes = () => Array.from(el.querySelectorAll('[data-testid="select-row"] input')) as HTMLInputElement[];
    expect(boxes()).toHaveLength(2);
    // each checkbox named for screen readers and the keyboard user
    expect(el.querySelector('[data-testid="select-row"] [aria-label]')?.getAttribute('aria-label')).toBe('选择 甲项目');
    boxes()[1].click();
    await settle();
    expect(fixture.componentInstance.selected()).toEqual(['b']);
    (el.querySelector('[data-testid="select-all"] input') as HTMLInputElement).click();
    await settle();
    expect([...fixture.componentInstance.selected()].sort()).toEqual(['a', 'b']);
    (el.querySelector('[data-testid="select-all"] input') as HTMLInputElement).click();
    await settle();
    expect(fixture.componentInstance.selected()).toEqual([]);
  });
});

@Component({
  imports: [ProjectTableComponent],
  template: `<pt-project-table [list]="list" [kind]="kind()" />`,
})
class TotalHostComponent {
  readonly list = twoRows(45);
  readonly kind = signal<string | null>(null);
}

describe('ProjectTableComponent: the total', () => {
  it('counts 绩效目标 over every kind and 项目 only when the list is narrowed to projects', async () => {
    TestBed.configureTestingModule({ providers: pageTestProviders() });
    const fixture = TestBed.createComponent(TotalHostComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('共 45 个绩效目标');
    fixture.componentInstance.kind.set('project');
    fixture.detectChanges();
    expect(el.textContent).toContain('共 45 个项目');
  });
});
