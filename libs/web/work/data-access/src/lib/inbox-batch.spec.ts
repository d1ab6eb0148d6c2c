import { signal } from '@angular/core';
import type { BatchReview } from './batch-review';
import { InboxBatch } from './inbox-batch';

describe('InboxBatch', () => {
  const rows = signal([
    { id: 'a', name: '甲', version: 1 },
    { id: 'b', name: '乙', version: 2 },
    { id: 'c', name: '丙', version: 3 },
  ]);

  it('runs the batch on the selected rows shown, keeps the outcomes, clears the selection and reloads', async () => {
    const run = jest.fn(async (items: { id: string; name: string }[]) => items.map(({ id, name }) => ({ id, name, ok: true, message: null })));
    const after = jest.fn();
    const batch = new InboxBatch({ run } as unknown as BatchReview, rows, after);
    batch.selected.set(['c', 'a', 'gone']);
    expect(batch.count()).toBe(2);
    await batch.run({ action: 'approve' });
    expect(run).toHaveBeenCalledWith(
      [
        { id: 'a', name: '甲', version: 1 },
        { id: 'c', name: '丙', version: 3 },
      ],
      { action: 'approve' },
    );
    expect(batch.outcomes().map((o) => o.id)).toEqual(['a', 'c']);
    expect(batch.selected()).toEqual([]);
    expect(after).toHaveBeenCalledTimes(1);
    expect(batch.busy()).toBeNull();
  });

  it('nothing selected: nothing sent', async () => {
    const run = jest.fn();
    const batch = new InboxBatch({ run } as unknown as BatchReview, rows, jest.fn());
    await batch.run({ action: 'return', comment: 'x' });
    expect(run).not.toHaveBeenCalled();
  });
});
