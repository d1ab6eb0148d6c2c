import { HttpErrorResponse } from '@angular/common/http';
import { localFailure, toApiFailure } from './api-failure';
import { formDialog } from './form-dialog';

interface Form {
  name: string;
  code: string;
}

describe('FormDialog', () => {
  const toFailure = (e: unknown) => toApiFailure(e, '保存失败');

  it('opens on a form, patches it and closes', () => {
    const d = formDialog<Form>();
    expect(d.open()).toBe(false);
    d.show({ name: '', code: 'A' });
    d.patch({ name: '财政局' });
    expect(d.form()).toEqual({ name: '财政局', code: 'A' });
    d.close();
    expect(d.open()).toBe(false);
  });

  it('keeps the dialog open with the local checks, sending nothing', async () => {
    const d = formDialog<Form>();
    d.show({ name: '', code: 'A' });
    const send = jest.fn();
    const saved = await d.save({ check: (f) => localFailure(f.name ? [] : [{ field: 'name', message: '请填写名称' }]), send, toFailure });
    expect(saved).toBe(false);
    expect(send).not.toHaveBeenCalled();
    expect(d.err('name')).toBe('请填写名称');
    expect(d.open()).toBe(true);
  });

  it('is saving while the request runs, cannot be closed then, and closes when saved', async () => {
    const d = formDialog<Form>();
    d.show({ name: 'x', code: 'A' });
    let done!: () => void;
    const pending = d.save({ send: () => new Promise<void>((res) => (done = res)), toFailure });
    expect(d.saving()).toBe(true);
    d.close();
    expect(d.open()).toBe(true);
    expect(await d.save({ send: () => Promise.resolve(), toFailure })).toBe(false);
    done();
    expect(await pending).toBe(true);
    expect(d.saving()).toBe(false);
    expect(d.open()).toBe(false);
  });

  it("shows the server's failure with its field messages, or what the failure hook answers", async () => {
    const d = formDialog<Form>();
    d.show({ name: 'x', code: 'A' });
    const conflict = new HttpErrorResponse({ status: 409, error: { message: '代码已存在', details: [{ field: 'code', message: '机构代码已被使用' }] } });
    expect(await d.save({ send: () => Promise.reject(conflict), toFailure })).toBe(false);
    expect(d.failure()?.message).toBe('代码已存在');
    expect(d.err('code')).toBe('机构代码已被使用');
    expect(d.open()).toBe(true);

    const stale = new HttpErrorResponse({ status: 412, error: null });
    const failed = jest.fn((f: ReturnType<typeof toFailure>, form: Form) => ({ ...f, message: `${form.name} 已被他人修改` }));
    await d.save({ send: () => Promise.reject(stale), toFailure, failed });
    expect(failed).toHaveBeenCalledTimes(1);
    expect(d.failure()?.message).toBe('x 已被他人修改');
    expect(d.saving()).toBe(false);
  });
});
