import { ServerPage } from './server-page';

describe('ServerPage', () => {
  it('moves to another page or page size (a new size from the first page), not to the one shown', () => {
    const moved = jest.fn();
    const list = new ServerPage<string>(20, moved);
    list.setPage(1);
    list.setPageSize(20);
    expect(moved).not.toHaveBeenCalled();

    list.setPage(3);
    expect([list.page(), list.pageSize(), moved.mock.calls.length]).toEqual([3, 20, 1]);
    list.setPageSize(50);
    expect([list.page(), list.pageSize(), moved.mock.calls.length]).toEqual([1, 50, 2]);
  });

  it('shows the rows and total answered, none after a failed load', () => {
    const list = new ServerPage<string>(10, () => undefined);
    list.show({ items: ['a', 'b'], total: 12 });
    expect([list.items(), list.total()]).toEqual([['a', 'b'], 12]);
    list.show(null);
    expect([list.items(), list.total()]).toEqual([[], 0]);
  });
});
