import type { NzModalService } from 'ng-zorro-antd/modal';

/** A confirmation whose OK drops something (edits, a record): resolves true on OK. */
export function confirmDanger(modal: NzModalService, title: string, content: string, okText = '确定'): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      nzTitle: title,
      nzContent: content,
      nzOkText: okText,
      nzOkDanger: true,
      nzCancelText: '取消',
      nzOnOk: () => resolve(true),
      nzOnCancel: () => resolve(false),
    });
  });
}
