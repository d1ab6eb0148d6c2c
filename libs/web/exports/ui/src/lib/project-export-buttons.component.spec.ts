import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { type ExportMenuItem, ProjectExportButtonsComponent } from './project-export-buttons.component';

const ITEMS: ExportMenuItem[] = [
  { id: 'export-declaration-xlsx', label: '申报表 .xlsx', icon: 'file-excel' },
  { id: 'export-evaluation-pdf', label: '自评表 PDF', icon: 'file-pdf', divider: true },
];

@Component({
  imports: [ProjectExportButtonsComponent],
  template: `<pt-project-export-buttons [items]="items()" [downloading]="downloading()" [progress]="progress()" (chosen)="chosen.push($event)" />`,
})
class Host {
  readonly items = signal(ITEMS);
  readonly downloading = signal(false);
  readonly progress = signal<string | null>(null);
  readonly chosen: string[] = [];
}

describe('ProjectExportButtonsComponent', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  async function render() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const button = () => fixture.nativeElement.querySelector('[data-testid="export-menu"]') as HTMLButtonElement;
    return { fixture, button };
  }

  it('lists the entries it is given, a divider where asked, and emits the chosen one', async () => {
    const { fixture, button } = await render();
    button().click();
    // the dropdown opens after its 150 ms audit time
    await new Promise((r) => setTimeout(r, 200));
    await fixture.whenStable();
    const entries = Array.from(document.querySelectorAll('[data-testid^="export-"]')).filter((e) => e.getAttribute('data-testid') !== 'export-menu');
    expect(entries.map((e) => e.textContent?.trim())).toEqual(['申报表 .xlsx', '自评表 PDF']);
    expect(document.querySelectorAll('.ant-dropdown-menu-item-divider')).toHaveLength(1);
    (entries[1] as HTMLElement).click();
    expect(fixture.componentInstance.chosen).toEqual(['export-evaluation-pdf']);
  });

  it('is busy while a file comes, with the received size beside it', async () => {
    const { fixture, button } = await render();
    expect(fixture.nativeElement.querySelector('[data-testid="export-progress"]')).toBeNull();
    fixture.componentInstance.downloading.set(true);
    fixture.componentInstance.progress.set('1.2 MB');
    await fixture.whenStable();
    expect(button().disabled).toBe(true);
    expect(fixture.nativeElement.querySelector('[data-testid="export-progress"]')?.textContent).toBe('1.2 MB');
  });
});
