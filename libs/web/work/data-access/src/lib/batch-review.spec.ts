import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { BatchReview } from './batch-review';
import { WorkApi } from './work.api';
import { WorkbenchStore } from './workbench.store';

describe('BatchReview', () => {
  const items = [
    { id: 'a', name: '甲', version: 3 },
    { id: 'b', name: '乙', version: 5 },
  ];
  function setUp(transitions: jest.Mock) {
    const invalidate = jest.fn();
    TestBed.configureTestingModule({ providers: [{ provide: WorkApi, useValue: { transitions } }, { provide: WorkbenchStore, useValue: { invalidate } }] });
    return { batch: TestBed.inject(BatchReview), invalidate };
  }

  it('sends each target with the version seen, one comment and review; reports each answer; the counts go stale', async () => {
    const transitions = jest.fn(async () => ({
      results: [
        { id: 'a', status: 'dept_approved', version: 4 },
        { id: 'b', status: 'submitted', error: { statusCode: 412, code: 'VERSION_MISMATCH', message: '已被他人修改' } },
      ],
    }));
    const { batch, invalidate } = setUp(transitions);
    const review = { completeness: '优', relevance: '良', appropriateness: '良', feasibility: '良', overall: '良' } as const;
    const out = await batch.run(items, { action: 'approve', comment: '同意', review });
    expect(transitions).toHaveBeenCalledWith({ action: 'approve', comment: '同意', review, items: [{ id: 'a', version: 3 }, { id: 'b', version: 5 }] });
    expect(out.map((o) => [o.id, o.ok, o.message])).toEqual([
      ['a', true, null],
      ['b', false, '已被他人修改'],
    ]);
    expect(invalidate).toHaveBeenCalled();
  });

  it('a request refused as a whole is reported on every target', async () => {
    const { batch } = setUp(jest.fn(async () => Promise.reject(new HttpErrorResponse({ status: 0 }))));
    const out = await batch.run(items, { action: 'return', comment: '请修改' });
    expect(out.every((o) => !o.ok && !!o.message)).toBe(true);
    expect(out).toHaveLength(2);
  });
});
