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

  it('a capped total: the pager is given one row beyond a full page, so that the next page stays reachable', () => {
    const list = new ServerPage<number>(20, () => undefined);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    list.show({ items: rows(20), total: 200, totalCapped: true });
    // page 1 of "200 条以上": the cap itself
    expect([list.capped(), list.total(), list.pagerTotal()]).toEqual([true, 200, 200]);
    // page 10 full: one page more (201); page 11 full: 221; a short page 12 ends it where its rows end
    list.page.set(10);
    expect(list.pagerTotal()).toBe(201);
    list.page.set(11);
    expect(list.pagerTotal()).toBe(221);
    list.page.set(12);
    list.show({ items: rows(7), total: 200, totalCapped: true });
    expect(list.pagerTotal()).toBe(227);
    // an exact total is the pager's, whatever the page
    list.show({ items: rows(20), total: 45 });
    expect([list.capped(), list.pagerTotal()]).toEqual([false, 45]);
    list.show({ items: rows(20), total: 200, totalCapped: true });
    list.show(null);
    expect([list.capped(), list.pagerTotal()]).toEqual([false, 0]);
  });
});
