import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DeleteOutline, PlusOutline } from '@ant-design/icons-angular/icons';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { KindHeaderFormComponent } from './kind-header-form.component';
import { buildHeaderForm } from './project-form-group';
import { departmentTarget } from './target-fixtures.testing';
import { TargetKindState } from './target-kind-state';

/** The header of a 部门（单位）整体 or 政策 target: its goal texts and a policy's 实施期 / 资金规模 row, bound to their forms. */
describe('KindHeaderFormComponent', () => {
  const setup = async (kind: 'department' | 'policy') => {
    TestBed.configureTestingModule({ imports: [KindHeaderFormComponent], providers: [provideNoopAnimations(), provideNzIcons([DeleteOutline, PlusOutline])] });
    const target =
      kind === 'policy'
        ? departmentTarget({ kind, department: null, policy: { basis: '文件', startYear: 2025, endYear: 2027, totalFunds: '3000000', annualFunds: '1000000' } } as never)
        : departmentTarget();
    const state = TestBed.runInInjectionContext(() => new TargetKindState());
    state.reset(target, true, true);
    const header = buildHeaderForm(TestBed.inject(NonNullableFormBuilder));
    const fixture = TestBed.createComponent(KindHeaderFormComponent);
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('header', header);
    fixture.componentRef.setInput('state', state);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const byId = <T extends HTMLElement>(id: string) => host.querySelector<T>(`[data-testid="${id}"]`);
    return { host, byId, header, state };
  };
  const type = (el: HTMLInputElement | HTMLTextAreaElement | null, value: string) => {
    if (!el) throw new Error('no such field');
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };

  it('a unit has its 年度总体目标 only, typed into the header form', async () => {
    const { byId, header } = await setup('department');
    expect(byId('field-totalGoal')).toBeNull();
    const annual = byId<HTMLTextAreaElement>('field-annualGoal');
    expect(annual?.id).toBe('f-annualGoal');
    type(annual, '完成任务');
    expect(header.controls.annualGoal.value).toBe('完成任务');
  });

  it('a policy has its 中期目标 and 年度目标, and the 实施期 / 资金规模 inputs of its block', async () => {
    const { host, byId, header, state } = await setup('policy');
    type(byId('field-totalGoal'), '中期');
    expect(header.controls.totalGoal.value).toBe('中期');
    expect(byId<HTMLInputElement>('policy-startYear')?.value).toBe('2025');
    expect(byId<HTMLInputElement>('policy-endYear')?.placeholder).toBe('如 2027');
    expect(host.querySelector('label[for="policy-annual"]')?.textContent).toContain('（元）');
    const total = byId<HTMLInputElement>('policy-totalFunds');
    type(total, '2000000');
    total?.dispatchEvent(new Event('blur'));
    expect(state.policy.controls.totalFunds.value).toBe('2,000,000.00');
  });

  it("基本信息's fields are columns of its row, each with the row's gutter (they do not touch)", async () => {
    const { host } = await setup('department');
    const row = host.querySelector('nz-card .ant-row');
    const columns = [...(row?.children ?? [])].filter((c) => c.classList.contains('ant-col')) as HTMLElement[];
    expect(columns.length).toBe(3);
    for (const c of columns) {
      expect(c.style.getPropertyValue('padding-inline')).toBe('8px');
      expect(c.querySelector('nz-form-item')).not.toBeNull();
    }
  });
});
