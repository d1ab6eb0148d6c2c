import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CheckOutline, CloseCircleFill, DownOutline, MessageOutline, PlusOutline, SearchOutline } from '@ant-design/icons-angular/icons';
import { MOF_2021 } from '@pt/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { emptyRow } from './indicator-rows';
import type { EditorRow } from './indicator-rows';
import { IndicatorTableComponent } from './indicator-table.component';

/**
 * The table with the real nz-select: a 一级/二级 cell reached by the keyboard filters its list by what is
 * typed (also text inserted without a key press), Enter takes the match and stays, Enter again goes down.
 */
describe('IndicatorTableComponent: typing into a 一级/二级 cell', () => {
  let fixture: ComponentFixture<IndicatorTableComponent>;
  let host: HTMLElement;

  const rows = () => fixture.componentInstance.rows();
  const cell = (n: number, col: 'level1' | 'level2') => host.querySelector<HTMLElement>(`[data-testid="row-${n}-${col}"]`) as HTMLElement;
  const searchInput = () => host.querySelector<HTMLInputElement>('nz-select input.ant-select-selection-search-input') as HTMLInputElement;
  const key = (el: HTMLElement, k: string, shiftKey = false) => {
    const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true });
    el.dispatchEvent(e);
    return e;
  };
  /** Text that arrives without key presses (an input method's, Playwright's insertText). */
  const insert = (text: string) => {
    const input = searchInput();
    input.dispatchEvent(new InputEvent('beforeinput', { data: text, inputType: 'insertText', bubbles: true, cancelable: true }));
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { data: text, inputType: 'insertText', bubbles: true }));
  };

  /** Row 1 under 产出指标, its 二级 cell reached by the keyboard and `text` put in. */
  const typeInLevel2 = async (text: string) => {
    fixture.componentInstance.rows.update((r) => [{ ...r[0], level1: '产出指标' }, r[1]]);
    await fixture.whenStable();
    cell(1, 'level2').focus();
    await fixture.whenStable();
    insert(text);
    await fixture.whenStable();
  };

  beforeAll(() => {
    // jsdom has no scrolling; the select's list (a CDK virtual scroll) calls it
    Element.prototype.scrollTo ??= () => undefined;
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [IndicatorTableComponent], providers: [provideNoopAnimations(), provideNzIcons([CheckOutline, CloseCircleFill, DownOutline, MessageOutline, PlusOutline, SearchOutline])] });
    fixture = TestBed.createComponent(IndicatorTableComponent);
    fixture.componentRef.setInput('framework', MOF_2021);
    fixture.componentInstance.rows.set([emptyRow(), emptyRow({ name: '培训人次' })] as EditorRow[]);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('filters by the typed text, Enter takes 产出指标 (not 成本指标) and keeps the focus; no row is added', async () => {
    cell(1, 'level1').focus(); // the keyboard's focus makes it the live select
    await fixture.whenStable();
    expect(document.activeElement).toBe(searchInput());
    insert('产出');
    await fixture.whenStable();
    const e = key(searchInput(), 'Enter');
    await fixture.whenStable();
    expect(e.defaultPrevented).toBe(true);
    expect(rows()[0].level1).toBe('产出指标');
    expect(rows()).toHaveLength(2);
    expect(searchInput().value).toBe('');
    expect(cell(1, 'level1').textContent).toContain('产出指标');
  });

  it('Tab takes the match in 二级 and moves on; Enter with nothing typed goes down', async () => {
    await typeInLevel2('数量');
    key(searchInput(), 'Tab');
    await fixture.whenStable();
    expect(rows()[0].level2).toBe('数量指标');
    expect((document.activeElement as HTMLElement).dataset['testid']).toBe('row-1-name');
    // back into the 二级 cell and Enter with nothing typed: down to the next row's 二级
    key(document.activeElement as HTMLElement, 'Tab', true);
    await fixture.whenStable();
    key(searchInput(), 'Enter');
    await fixture.whenStable();
    expect(document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell')).toBe('1:1');
    expect(rows()[0].level2).toBe('数量指标');
  });

  it('text that matches no option is kept when the cell is left', async () => {
    await typeInLevel2('自定义二级');
    searchInput().dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await fixture.whenStable();
    expect(rows()[0].level2).toBe('自定义二级');
  });

  it('添加一行 moves the focus in its own event: text typed right after goes to the new row, not the button', async () => {
    fixture.componentInstance.rows.set([]);
    await fixture.whenStable();
    host.querySelector<HTMLButtonElement>('[data-testid="add-row"]')?.click();
    // no waiting: a fast typist's next key comes before any later render
    expect(document.activeElement).toBe(searchInput());
    insert('产出');
    key(searchInput(), 'Tab');
    await fixture.whenStable();
    expect(rows()[0].level1).toBe('产出指标');
    expect(document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell')).toBe('0:1');
  });

  it('a one-click fix replaces a value the checks could not read', async () => {
    fixture.componentInstance.rows.set([emptyRow({ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥16O人次' })]);
    await fixture.whenStable();
    const fix = host.querySelector<HTMLButtonElement>('[data-testid="row-1-fix"]');
    expect(fix?.textContent?.trim()).toBe('改为 ≥160.00(人次)');
    fix?.click();
    await fixture.whenStable();
    expect(rows()[0].target).toBe('≥160.00(人次)');
    expect(host.querySelector('[data-testid="row-1-fix"]')).toBeNull();
  });
});

/** A long table is drawn after the page, a few rows per task, so that no task of drawing it blocks the page. */
describe('IndicatorTableComponent: drawing a long table', () => {
  it('draws no row with the page, then 10 rows per task, and is stable only when every row is drawn', async () => {
    TestBed.configureTestingModule({ imports: [IndicatorTableComponent], providers: [provideNoopAnimations(), provideNzIcons([CheckOutline, CloseCircleFill, DownOutline, MessageOutline, PlusOutline, SearchOutline])] });
    const fixture = TestBed.createComponent(IndicatorTableComponent);
    fixture.componentRef.setInput('framework', MOF_2021);
    fixture.componentInstance.rows.set(Array.from({ length: 35 }, (_, i) => emptyRow({ name: `指标${i + 1}` })) as EditorRow[]);
    const host = fixture.nativeElement as HTMLElement;
    const drawn = () => host.querySelectorAll('[data-testid$="-level1"]').length;
    fixture.detectChanges();
    expect(drawn()).toBe(0);
    // not drawn yet is not empty: no 尚无指标 while the rows wait for their task
    expect(host.querySelector('.empty')).toBeNull();
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    expect(drawn()).toBe(10);
    await fixture.whenStable();
    expect(drawn()).toBe(35);
  });
});
