import { KindPipe, StatusPipe } from './project-labels.pipes';

describe('StatusPipe and KindPipe', () => {
  it('give a status or kind its label, or with "color" its nz-tag colour', () => {
    const status = new StatusPipe();
    const kind = new KindPipe();
    expect([status.transform('returned'), status.transform('returned', 'color'), status.transform(null, 'color')]).toEqual(['已退回', 'error', 'default']);
    expect([kind.transform('policy'), kind.transform('policy', 'color'), kind.transform(undefined)]).toEqual(['政策', 'purple', '项目']);
  });
});
