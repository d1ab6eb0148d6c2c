import { CopyOutline, PlusOutline, SearchOutline } from '@ant-design/icons-angular/icons';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { LibraryIndicator, LibraryPage, Suggestions } from '@pt/shared/api-types';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { IndicatorPickerComponent } from './indicator-picker.component';
import { existingNameSet } from './indicator-picker.state';
import type { PickerSearch, PickRow } from './indicator-picker.state';
import { PickerSource } from './picker-source';

function libraryRow(id: string, name: string): LibraryIndicator {
  return {
    id,
    frameworkCode: 'fw',
    level1: '产出指标',
    level2: '数量指标',
    name,
    target: '≥90%',
    source: null,
    explanation: null,
    basis: null,
    scoringRule: null,
    dataSource: null,
    usageCount: 2,
    version: 1,
  };
}

/** The container's part, as signals the test sets, and what the picker asked for. */
class FakeSource extends PickerSource {
  readonly suggestions = signal<Suggestions | null>(null);
  readonly libraryPage = signal<LibraryPage | null>(null);
  readonly framework = signal(null);
  readonly existing = signal<ReadonlySet<string>>(new Set());
  readonly searching = signal(false);
  readonly copying = signal(false);
  readonly disabled = signal(false);
  readonly searches: PickerSearch[] = [];
  readonly added: PickRow[][] = [];
  search(s: PickerSearch): void {
    this.searches.push(s);
  }
  add(rows: PickRow[]): void {
    this.added.push(rows);
  }
  copyLastYear(): void {
    return;
  }
}

describe('IndicatorPickerComponent', () => {
  async function render() {
    const source = new FakeSource();
    TestBed.configureTestingModule({
      providers: [provideNoopAnimations(), provideNzIcons([CopyOutline, PlusOutline, SearchOutline]), { provide: PickerSource, useValue: source }],
    });
    const fixture = TestBed.createComponent(IndicatorPickerComponent);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const by = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    const all = (id: string) => Array.from(fixture.nativeElement.querySelectorAll(`[data-testid="${id}"]`)) as HTMLElement[];
    await settle();
    return { source, settle, by, all };
  }

  it('lists the source\'s suggestions, the names in the table not tickable, and adds the ticked rows to it', async () => {
    const { source, settle, by, all } = await render();
    source.suggestions.set({ library: [libraryRow('a', '培训人次'), libraryRow('b', '覆盖率')], similarProjects: [], lastYear: null });
    source.existing.set(existingNameSet(['覆盖率']));
    await settle();

    const rows = all('picker-library-row');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('培训人次'), expect.stringContaining('已在表中')]);
    expect((rows[1].querySelector('input[type="checkbox"]') as HTMLInputElement).disabled).toBe(true);
    (rows[0].querySelector('input[type="checkbox"]') as HTMLInputElement).click();
    await settle();
    by('picker-add')?.click();
    await settle();
    expect(source.added).toEqual([[{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥90%' }]]);
  });

  it('asks the source to search, and pages its answer', async () => {
    const { source, settle, by } = await render();
    const q = by('picker-q') as HTMLInputElement;
    q.value = '培训';
    q.dispatchEvent(new Event('input'));
    by('picker-search')?.click();
    await settle();
    expect(source.searches).toEqual([{ q: '培训', level1: null, level2: null, page: 1, pageSize: 10 }]);

    source.libraryPage.set({ items: [libraryRow('a', '培训人次')], total: 25, page: 1, pageSize: 10 });
    await settle();
    expect(by('picker-library-table')?.querySelector('.ant-pagination')).not.toBeNull();
  });
});
