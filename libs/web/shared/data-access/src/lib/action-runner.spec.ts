import { HttpErrorResponse } from '@angular/common/http';
import { ActionRunner } from './action-runner';

describe('ActionRunner', () => {
  it('sets busy while the task runs, clears the previous failure and answers true', async () => {
    const runner = new ActionRunner<'save'>();
    runner.refuse('请先更正以下内容', [{ field: 'name', message: '必填' }]);
    let busyDuring: string | null = null;
    const ok = await runner.run('save', '保存失败', async () => {
      busyDuring = runner.busy();
      expect(runner.failure()).toBeNull();
    });
    expect(ok).toBe(true);
    expect(busyDuring).toBe('save');
    expect(runner.busy()).toBeNull();
  });

  it('maps a thrown error to the failure (server message first, fallback otherwise) and hands it to onFailure', async () => {
    const runner = new ActionRunner<'submit'>();
    const seen: string[] = [];
    const ok = await runner.run(
      'submit',
      '提交失败，请稍后重试',
      () => Promise.reject(new HttpErrorResponse({ status: 412, error: { message: '已被他人修改' } })),
      (f) => seen.push(f.message),
    );
    expect(ok).toBe(false);
    expect(runner.failure()?.status).toBe(412);
    expect(seen).toEqual(['已被他人修改']);
    expect(runner.busy()).toBeNull();
    await runner.run('submit', '提交失败，请稍后重试', () => Promise.reject(new Error('x')));
    expect(runner.failure()?.message).toBe('提交失败，请稍后重试');
  });

  it('uses the page mapping given to the constructor', async () => {
    const runner = new ActionRunner<'save'>((_e, fallback) => ({ status: -1, code: 'X', message: `页面：${fallback}`, details: [], findings: [] }));
    await runner.run('save', '保存失败', () => Promise.reject(new Error('x')));
    expect(runner.failure()?.message).toBe('页面：保存失败');
  });

  it('fieldErrors keeps the first message per field of the failure', () => {
    const runner = new ActionRunner<'save'>();
    runner.refuse('请先更正以下内容', [
      { field: 'a', message: '一' },
      { field: 'a', message: '二' },
      { field: '', message: '无字段' },
      { field: 'b', message: '三' },
    ]);
    expect([...runner.fieldErrors()]).toEqual([
      ['a', '一'],
      ['b', '三'],
    ]);
    expect(runner.failure()?.code).toBe('CLIENT_VALIDATION');
  });

  it('hold sets busy only while the task runs, also when it throws', async () => {
    const runner = new ActionRunner<'reload'>();
    let during: string | null = null;
    await runner.hold('reload', async () => {
      during = runner.busy();
    });
    expect(during).toBe('reload');
    await expect(runner.hold('reload', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(runner.busy()).toBeNull();
    expect(runner.failure()).toBeNull();
  });
});
