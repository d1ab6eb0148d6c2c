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
    await fixture.whenStable();
    const entries = Array.from(document.querySelectorAll('[data-testid^="export-"]')).filter((e) => e.getAttribute('data-testid') !== 'export-menu');
    expect(entries.map((e) => e.textContent?.trim())).toEqual(['申报表 .xlsx', '自评表 PDF']);
    expect(document.querySelectorAll('.ant-dropdown-menu-item-divider')).toHaveLength(1);
    (entries[1] as HTMLElement).click();
    expect(fixture.componentInstance.chosen).toEqual(['export-evaluation-pdf']);
  });

  it('opens again on a click right after a pick (PDF, then at once Word): the second entry is chosen too', async () => {
    const { fixture, button } = await render();
    const settle = async () => {
      // past the 150 ms in which nz-dropdown still took its closing menu for open
      await new Promise((r) => setTimeout(r, 200));
      await fixture.whenStable();
    };
    const entry = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    button().click();
    await settle();
    entry('export-declaration-xlsx')?.click();
    await fixture.whenStable();
    // 导出 clicked again within the 150 ms after the pick (a small file is back by then)
    button().click();
    await settle();
    expect(entry('export-evaluation-pdf')).not.toBeNull();
    entry('export-evaluation-pdf')?.click();
    expect(fixture.componentInstance.chosen).toEqual(['export-declaration-xlsx', 'export-evaluation-pdf']);
    await settle();
    // and the pick closed it
    expect(entry('export-evaluation-pdf')).toBeNull();
  });

  it('closes on a second click of 导出, on a click elsewhere and on Esc', async () => {
    const { fixture, button } = await render();
    const isOpen = () => document.querySelector('[data-testid="export-declaration-xlsx"]') !== null;
    button().click();
    await fixture.whenStable();
    expect(isOpen()).toBe(true);
    expect(button().getAttribute('aria-expanded')).toBe('true');
    button().click();
    await fixture.whenStable();
    expect(isOpen()).toBe(false);
    button().click();
    await fixture.whenStable();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await fixture.whenStable();
    expect(isOpen()).toBe(false);
    button().click();
    await fixture.whenStable();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(isOpen()).toBe(false);
    expect(fixture.componentInstance.chosen).toEqual([]);
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
