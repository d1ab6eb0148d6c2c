import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CheckOutline, CloseCircleFill, DownOutline, MessageOutline, PlusOutline, SearchOutline } from '@ant-design/icons-angular/icons';
import { MOF_2021 } from '@pt/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { emptyRow, metaInputs, toEditorRows } from './indicator-rows';
import { IndicatorTableComponent } from './indicator-table.component';

/** A row's 指标解释 / 设定依据 / 评(扣)分标准 / 数据来源 and last year's values under it (domain §11). */
describe('IndicatorTableComponent: a row\'s description and last year', () => {
  let fixture: ComponentFixture<IndicatorTableComponent>;
  let host: HTMLElement;
  const el = <T extends HTMLElement>(id: string) => host.querySelector<T>(`[data-testid="${id}"]`);

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [IndicatorTableComponent], providers: [provideNoopAnimations(), provideNzIcons([CheckOutline, CloseCircleFill, DownOutline, MessageOutline, PlusOutline, SearchOutline])] });
    fixture = TestBed.createComponent(IndicatorTableComponent);
    fixture.componentRef.setInput('framework', MOF_2021);
    fixture.componentRef.setInput('history', new Map([['i1', { year: 2026, target: '≥90%', actual: '96%' }]]));
    fixture.componentInstance.rows.set([
      emptyRow({ id: 'i1', level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%', explanation: null, basis: null, scoringRule: null, dataSource: null }),
      emptyRow({ name: '新行', target: '≥1个' }),
    ]);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  it('shows last year\'s value and actual under the row that has them, and only there', () => {
    expect(el('row-1-history')?.textContent).toContain('上年情况（2026年）上年指标值 ≥90%；上年实际完成值 96%');
    expect(el('row-2-history')).toBeNull();
  });

  it('opens one row\'s fields, keeps what is typed in the row, and sends "" as null (clears) but leaves never-read fields out', async () => {
    expect(el('row-1-explanation')).toBeNull();
    el<HTMLButtonElement>('row-1-meta-toggle')?.click();
    await fixture.whenStable();
    const explanation = el<HTMLTextAreaElement>('row-1-explanation') as HTMLTextAreaElement;
    explanation.value = '合格件数 / 抽检件数';
    explanation.dispatchEvent(new Event('input'));
    const basis = el<HTMLSelectElement>('row-1-basis') as HTMLSelectElement;
    basis.value = '历史标准';
    basis.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const [row, fresh] = fixture.componentInstance.rows();
    expect(row).toMatchObject({ explanation: '合格件数 / 抽检件数', basis: '历史标准', scoringRule: null });
    expect(metaInputs(row)).toEqual({ explanation: '合格件数 / 抽检件数', basis: '历史标准', scoringRule: null, dataSource: null });
    expect(metaInputs(fresh)).toEqual({});
    expect(el<HTMLButtonElement>('row-1-meta-toggle')?.classList.contains('filled')).toBe(true);
  });

  it('prints the filled fields on a read-only table', async () => {
    fixture.componentRef.setInput('readonly', true);
    fixture.componentInstance.rows.set(
      toEditorRows([{ id: 'i1', level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%', explanation: null, basis: '行业标准', scoringRule: null, dataSource: '质检报告' }]),
    );
    await fixture.whenStable();
    expect(el('row-1-basis')?.textContent).toBe('行业标准');
    expect(el('row-1-dataSource')?.textContent).toBe('质检报告');
    expect(el('row-1-explanation')).toBeNull();
  });
});
