import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NzSelectComponent } from 'ng-zorro-antd/select';
import { OrgSelectComponent } from './filter-selects.component';
import { TextSelectComponent } from './text-select.component';

@Component({
  imports: [TextSelectComponent, OrgSelectComponent],
  template: `
    <pt-text-select class="flat" clearable label="一级指标" testId="l1" placeholder="全部一级指标" [options]="level1" [value]="l1()" (valueChange)="l1.set($event)" />
    <pt-text-select class="grouped" inputId="l2" testId="l2" placeholder="请选择二级指标" [disabled]="off()" [groups]="level2" [value]="l2()" (valueChange)="l2.set($event)" />
    <pt-org-select class="org" [clearable]="false" testId="org" [options]="orgs" [value]="org()" (valueChange)="org.set($event)" />
  `,
})
class Host {
  readonly level1 = ['产出指标', '效益指标'];
  readonly level2 = [
    { group: '产出指标', children: ['数量指标', '质量指标'] },
    { group: '效益指标', children: ['社会效益指标'] },
  ];
  readonly orgs = [
    { value: 'u1', label: '西宁办事处' },
    { value: 'u2', label: '格尔木办事处' },
  ];
  readonly l1 = signal<string | null>('效益指标');
  readonly l2 = signal<string | null>('');
  readonly off = signal(false);
  readonly org = signal<string | null>('u1');
}

describe('pt-text-select and pt-org-select (built on it)', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  const selects = (f: ComponentFixture<Host>) => f.debugElement.queryAll(By.css('nz-select')).map((d) => d.componentInstance as NzSelectComponent);

  it('offers flat texts or texts under their headings, with the current text chosen and an empty text as none', async () => {
    const f = TestBed.createComponent(Host);
    f.detectChanges();
    await f.whenStable();
    f.detectChanges();
    const [flat, grouped, org] = selects(f);
    expect(flat.listOfNzOptionComponent.map((o) => o.nzLabel)).toEqual(['产出指标', '效益指标']);
    expect(flat.nzAllowClear).toBe(true);
    expect(flat.listOfValue).toEqual(['效益指标']);
    expect(grouped.listOfNzOptionGroupComponent.map((g) => g.nzLabel)).toEqual(['产出指标', '效益指标']);
    expect(grouped.listOfNzOptionComponent.map((o) => o.nzLabel)).toEqual(['数量指标', '质量指标', '社会效益指标']);
    expect(grouped.listOfValue).toEqual([]);
    expect(grouped.nzAllowClear).toBe(false);
    expect(grouped.nzId).toBe('l2');
    expect(org.nzAllowClear).toBe(false);
    expect(org.nzShowSearch).toBe(true);
    expect(org.listOfNzOptionComponent.map((o) => [o.nzValue, o.nzLabel])).toEqual([['u1', '西宁办事处'], ['u2', '格尔木办事处']]);
    expect(org.listOfValue).toEqual(['u1']);
    const host: HTMLElement = f.nativeElement;
    expect(host.querySelector('[data-testid="l1"]')?.getAttribute('aria-label')).toBe('一级指标');
    expect(host.querySelector('[data-testid="l2"] .ant-select-selection-placeholder')?.textContent?.trim()).toBe('请选择二级指标');
  });

  it('sends the chosen text, null when cleared; disabled on request', async () => {
    const f = TestBed.createComponent(Host);
    f.detectChanges();
    await f.whenStable();
    const [flat, grouped, org] = selects(f);
    org.onItemClick('u2');
    expect(f.componentInstance.org()).toBe('u2');
    flat.onItemClick('产出指标');
    expect(f.componentInstance.l1()).toBe('产出指标');
    flat.onClearSelection();
    expect(f.componentInstance.l1()).toBeNull();
    grouped.onItemClick('质量指标');
    expect(f.componentInstance.l2()).toBe('质量指标');
    f.componentInstance.off.set(true);
    f.detectChanges();
    await f.whenStable();
    expect(grouped.nzDisabled).toBe(true);
  });
});
