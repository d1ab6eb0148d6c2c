import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { CrudModalComponent } from './crud-modal.component';
import { FormFieldComponent } from './form-field.component';
import { ListCardComponent } from './list-card.component';
import { TextFieldComponent } from './text-field.component';

@Component({
  imports: [CrudModalComponent, FormFieldComponent, ListCardComponent, TextFieldComponent],
  template: `
    <pt-list-card
      title="组织机构"
      lead="说明"
      [state]="list"
      errorTestId="x-load-error"
      reloadTestId="x-reload"
      addTestId="x-add"
      addLabel="新增机构"
      [addDisabled]="addDisabled()"
      (reload)="reloads = reloads + 1"
      (add)="open.set(true)"
    >
      <div ptListFilters data-testid="x-filters"></div>
      <table data-testid="x-table"></table>
    </pt-list-card>
    <pt-crud-modal [open]="open()" title="新增机构" [failure]="failure()" testId="x-form" (submitted)="saves = saves + 1" (cancelled)="open.set(false)">
      <pt-form-field label="机构名称" controlId="x-name" required [error]="nameError()" extra="如：财政局">
        <input id="x-name" data-testid="x-name" />
      </pt-form-field>
      <pt-text-field label="机构代码" fieldId="x-code" name="code" required [maxlength]="32" testId="x-code" [error]="codeError()" [value]="code" (valueChange)="code = $event" />
    </pt-crud-modal>
    <pt-crud-modal [dialog]="dialog" title="编辑机构" testId="y-form" (submitted)="saves = saves + 1" (cancelled)="dialogOpen.set(false)">
      <input data-testid="y-name" />
    </pt-crud-modal>
  `,
})
class Host {
  readonly loadError = signal<string | null>(null);
  readonly list = { loading: () => false, error: () => this.loadError() };
  readonly addDisabled = signal(false);
  readonly open = signal(false);
  readonly failure = signal<{ message: string; details: { message: string }[] } | null>(null);
  readonly nameError = signal<string | null>(null);
  readonly codeError = signal<string | null>(null);
  readonly dialogOpen = signal(false);
  readonly dialogSaving = signal(false);
  /** A dialog's state as a FormDialog keeps it. */
  readonly dialog = { open: this.dialogOpen, saving: this.dialogSaving, failure: this.failure, close: () => this.dialogOpen.set(false) };
  code = 'HZB';
  reloads = 0;
  saves = 0;
}

async function render() {
  TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideNzIcons([PlusOutline, ReloadOutline])] });
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  await fixture.whenStable();
  const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  return { host: fixture.componentInstance, el: fixture.nativeElement as HTMLElement, q, settle };
}

describe('list card', () => {
  it('frames the list: title, lead, filters, the load error, 刷新 and 新增', async () => {
    const { host, el, q, settle } = await render();
    expect(el.textContent).toContain('组织机构');
    expect(el.textContent).toContain('说明');
    expect(q('x-filters')).not.toBeNull();
    expect(q('x-table')).not.toBeNull();
    expect(q('x-load-error')).toBeNull();
    host.loadError.set('机构列表加载失败');
    await settle();
    expect(q('x-load-error')?.textContent).toContain('机构列表加载失败');
    q('x-reload')?.click();
    expect(host.reloads).toBe(1);
    expect(q('x-add')?.textContent).toContain('新增机构');
    host.addDisabled.set(true);
    await settle();
    expect(q<HTMLButtonElement>('x-add')?.disabled).toBe(true);
  });
});

describe('crud modal', () => {
  it('shows the form with the failure and the field message, and submits on Enter', async () => {
    const { host, q, settle } = await render();
    expect(q('x-form')).toBeNull();
    q('x-add')?.click();
    await settle();
    expect(q('x-form')).not.toBeNull();
    expect(q('x-name')).not.toBeNull();
    expect(document.querySelector('label[for="x-name"]')?.textContent).toContain('机构名称');
    expect(q('x-form')?.textContent).toContain('如：财政局');

    host.failure.set({ message: '请检查填写的内容', details: [{ message: '请填写机构名称' }] });
    host.nameError.set('请填写机构名称');
    await settle();
    expect(q('x-form-error')?.textContent).toContain('请检查填写的内容');
    expect(q('error-details')?.textContent).toContain('请填写机构名称');
    expect(q('x-form')?.textContent).toContain('请填写机构名称');

    const code = q<HTMLInputElement>('x-code');
    if (!code) throw new Error('no code field');
    expect(code.value).toBe('HZB');
    expect(code.maxLength).toBe(32);
    expect(document.querySelector('label[for="x-code"]')?.textContent).toContain('机构代码');
    code.value = 'HZB-XN';
    code.dispatchEvent(new Event('input'));
    expect(host.code).toBe('HZB-XN');
    host.codeError.set('机构代码已被使用');
    await settle();
    expect(q('x-form')?.textContent).toContain('机构代码已被使用');
    // the projected input takes the field's status (a red border), as inside any nz-form-item
    expect(code.classList).toContain('ant-input-status-error');

    q<HTMLFormElement>('x-form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(host.saves).toBe(1);
  });

  it('reads open, saving and the failure from a dialog state bound once', async () => {
    const { host, q, settle } = await render();
    expect(q('y-form')).toBeNull();
    host.dialogOpen.set(true);
    host.dialogSaving.set(true);
    host.failure.set({ message: '机构已被修改', details: [] });
    await settle();
    expect(q('y-name')).not.toBeNull();
    expect(q('y-form-error')?.textContent).toContain('机构已被修改');
    expect(document.querySelector('.ant-modal-footer .ant-btn-loading')).not.toBeNull();
    host.dialogOpen.set(false);
    await settle();
    await new Promise((r) => setTimeout(r, 400));
    expect(q('y-name')).toBeNull();
  });
});
