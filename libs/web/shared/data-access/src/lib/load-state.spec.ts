import { loadState } from './load-state';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('LoadState', () => {
  it('is loading while the task runs and gives its value', async () => {
    const s = loadState();
    const d = deferred<number[]>();
    const run = s.run(() => d.promise, () => 'x');
    expect(s.loading()).toBe(true);
    d.resolve([1, 2]);
    expect(await run).toEqual([1, 2]);
    expect(s.loading()).toBe(false);
    expect(s.error()).toBeNull();
  });

  it('holds the mapped error of a failure and clears it on the next run', async () => {
    const s = loadState<{ message: string }>(true);
    expect(s.loading()).toBe(true);
    expect(await s.run(() => Promise.reject(new Error('boom')), (e) => ({ message: `加载失败：${(e as Error).message}` }))).toBeUndefined();
    expect(s.error()).toEqual({ message: '加载失败：boom' });
    expect(s.loading()).toBe(false);
    const next = s.run(() => Promise.resolve('ok'), () => ({ message: 'x' }));
    expect(s.error()).toBeNull();
    expect(await next).toBe('ok');
  });

  it('drops what an overtaken run answers or throws: the newest one owns the flags', async () => {
    const s = loadState();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = s.run(() => first.promise, () => 'first failed');
    const b = s.run(() => second.promise, () => 'second failed');
    first.reject(new Error('late'));
    expect(await a).toBeUndefined();
    expect(s.error()).toBeNull();
    expect(s.loading()).toBe(true);
    second.resolve('fresh');
    expect(await b).toBe('fresh');
    expect(s.loading()).toBe(false);
  });
});
