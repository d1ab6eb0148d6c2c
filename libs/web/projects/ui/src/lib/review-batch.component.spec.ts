import { CheckOutline, RollbackOutline } from '@ant-design/icons-angular/icons';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { ReviewBatchComponent, type BatchReviewOutcome, type BatchReviewRequest } from './review-batch.component';

@Component({
  imports: [ReviewBatchComponent],
  template: `<pt-review-batch [count]="count()" [outcomes]="outcomes()" (run)="runs.push($event)" />`,
})
class HostComponent {
  readonly count = signal(3);
  readonly outcomes = signal<BatchReviewOutcome[]>([]);
  readonly runs: BatchReviewRequest[] = [];
}

describe('ReviewBatchComponent', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideNzIcons([CheckOutline, RollbackOutline])] });
    const fixture = TestBed.createComponent(HostComponent);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const by = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    /** Click the grade `g` of a dimension's radio group. */
    const grade = async (dim: string, g: string) => {
      const group = by(`batch-review-${dim}`);
      const label = Array.from(group?.querySelectorAll('label') ?? []).find((l) => l.textContent?.trim() === g);
      (label?.querySelector('input') as HTMLInputElement).click();
      await settle();
    };
    return { fixture, by, settle, grade, runs: fixture.componentInstance.runs };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('a 中 overall review cannot approve: the button disabled with the reason; 良 can, after one more question', async () => {
    const { by, settle, grade, runs } = await render();
    expect(by('batch-count')?.textContent).toContain('已选 3 项');
    by('batch-approve')?.click();
    await settle();
    for (const d of ['completeness', 'relevance', 'appropriateness', 'feasibility']) await grade(d, '良');
    await grade('overall', '中');
    expect((by('batch-ok') as HTMLButtonElement).disabled).toBe(true);
    expect(by('batch-ok-blocked')?.textContent).toContain('总体评价为「中」，不能审核通过');
    await grade('overall', '良');
    expect((by('batch-ok') as HTMLButtonElement).disabled).toBe(false);
    by('batch-ok')?.click();
    await settle();
    expect(runs).toEqual([]);
    expect(by('batch-confirm')?.textContent).toContain('共 3 个绩效目标');
    by('batch-confirm-ok')?.click();
    await settle();
    expect(runs).toEqual([
      { action: 'approve', review: { completeness: '良', relevance: '良', appropriateness: '良', feasibility: '良', overall: '良' } },
    ]);
  });

  it('退回 needs the comment; a half-filled review is named', async () => {
    const { by, settle, grade, runs } = await render();
    by('batch-return')?.click();
    await settle();
    await grade('overall', '差');
    expect(by('batch-ok-blocked')?.textContent).toContain('请评价：完整性、相关性、适当性、可行性');
    for (const d of ['completeness', 'relevance', 'appropriateness', 'feasibility']) await grade(d, '中');
    by('batch-ok')?.click();
    await settle();
    expect(by('batch-comment-required')).not.toBeNull();
    const box = by('batch-comment') as HTMLTextAreaElement;
    box.value = ' 请按意见修改 ';
    box.dispatchEvent(new Event('input'));
    await settle();
    by('batch-ok')?.click();
    await settle();
    by('batch-confirm-ok')?.click();
    await settle();
    expect(runs).toEqual([
      { action: 'return', comment: '请按意见修改', review: { completeness: '中', relevance: '中', appropriateness: '中', feasibility: '中', overall: '差' } },
    ]);
  });

  it('reports each target: done, or why not', async () => {
    const { fixture, by, settle } = await render();
    fixture.componentInstance.outcomes.set([
      { id: 'a', name: '甲', ok: true, message: null },
      { id: 'b', name: '乙', ok: false, message: '已被他人修改，请刷新后重试' },
    ]);
    await settle();
    expect(by('batch-results')?.textContent).toContain('1 项已处理，1 项未处理');
    expect(by('batch-result-b')?.textContent).toContain('乙：已被他人修改');
    expect(by('batch-result-a')?.textContent).toContain('甲：已处理');
  });
});
