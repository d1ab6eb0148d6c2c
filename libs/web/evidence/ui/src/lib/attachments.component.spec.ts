import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ATTACHMENT_SIZE_MESSAGE, type Attachment, type AttachmentEditRights } from '@pt/shared/api-types';
import { AttachmentsComponent } from './attachments.component';

const file = (over: Partial<Attachment>): Attachment => ({
  id: 'a1',
  name: '签字版.pdf',
  size: 2048,
  sha256: 'abcdef0123456789'.repeat(4),
  contentType: 'application/pdf',
  purpose: 'evaluation',
  indicatorId: 'row-1',
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: '西宁办填报人',
  rectificationId: null,
  ...over,
});

@Component({
  imports: [AttachmentsComponent],
  template: `
    <pt-attachments targetId="t1" purpose="evaluation" indicatorId="row-1" testId="row1" />
    <pt-attachments targetId="t1" purpose="evaluation" indicatorId="row-2" testId="row2" />
    <pt-attachments targetId="t1" purpose="rectification" [rectificationId]="notice()" testId="rect" />
  `,
})
class HostComponent {
  readonly notice = signal('n1');
}

const RIGHTS: AttachmentEditRights = { declaration: false, monitoring: true, evaluation: true, rectifications: ['n1'] };
const LOCKED: AttachmentEditRights = { declaration: false, monitoring: false, evaluation: false, rectifications: [] };

describe('AttachmentsComponent', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    const el = fixture.nativeElement as HTMLElement;
    const answer = async (files: Attachment[], rights: AttachmentEditRights = RIGHTS) => {
      http.expectOne('/api/targets/t1/attachments').flush(files);
      http.expectOne('/api/targets/t1/attachments/rights').flush(rights);
      // both answers are awaited together before the lists are set
      await new Promise((r) => setTimeout(r));
      fixture.detectChanges();
    };
    return { fixture, http, el, answer, all: (id: string) => [...el.querySelectorAll(`[data-testid="${id}"]`)] as HTMLElement[] };
  }

  it('reads the target’s files once for every row and shows each row its own, with size and short SHA-256', async () => {
    const { fixture, http, answer, all } = await render();
    await answer([
      file({}),
      file({ id: 'a2', name: '照片.png', indicatorId: 'row-2', size: 3 * 1024 * 1024 }),
      file({ id: 'a3', purpose: 'monitoring' }),
      file({ id: 'a4', purpose: 'rectification', indicatorId: null, rectificationId: 'n1', name: '整改.pdf' }),
      file({ id: 'a5', purpose: 'rectification', indicatorId: null, rectificationId: 'n0', name: '旧通知.pdf' }),
    ]);
    http.verify();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(all('row1-file').map((e) => e.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['签字版.pdf2 KB · SHA-256 abcdef01 删除']);
    expect(all('row2-file').map((e) => e.querySelector('a')?.textContent)).toEqual(['照片.png']);
    // a notice shows only its own files
    expect(all('rect-file').map((e) => e.querySelector('a')?.textContent)).toEqual(['整改.pdf']);
  });

  it('uploads the file as the body with its name encoded, and says a refusal in Chinese', async () => {
    const { fixture, http, el, answer, all } = await render();
    await answer([]);
    await fixture.whenStable();
    fixture.detectChanges();
    const input = el.querySelector('[data-testid="row1-input"]') as HTMLInputElement;
    const chosen = new File(['%PDF-1.7'], '自评 签字.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [chosen], configurable: true });
    input.dispatchEvent(new Event('change'));
    const req = http.expectOne((r) => r.url === '/api/targets/t1/attachments' && r.method === 'POST');
    expect(req.request.params.get('purpose')).toBe('evaluation');
    expect(req.request.params.get('indicatorId')).toBe('row-1');
    expect(req.request.headers.get('X-File-Name')).toBe(encodeURIComponent('自评 签字.pdf'));
    expect(req.request.body).toBe(chosen);
    req.flush({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: ATTACHMENT_SIZE_MESSAGE }, { status: 413, statusText: 'Payload Too Large' });
    fixture.detectChanges();
    expect(all('row1-error')[0].textContent).toContain(`自评 签字.pdf：${ATTACHMENT_SIZE_MESSAGE}`);
    // a type outside the list is refused before anything is sent
    Object.defineProperty(input, 'files', { value: [new File(['MZ'], 'setup.exe')], configurable: true });
    input.dispatchEvent(new Event('change'));
    http.verify();
    fixture.detectChanges();
    expect(all('row1-error')[0].textContent).toContain('setup.exe：文件类型不允许');
  });

  it('offers no upload or delete where the server says the files are locked', async () => {
    const { fixture, answer, all } = await render();
    await answer([file({})], { ...LOCKED, rectifications: ['n1'] });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(all('row1-upload')).toHaveLength(0);
    expect(all('row1-delete')).toHaveLength(0);
    expect(all('row1-download')).toHaveLength(1);
    expect(all('rect-upload')).toHaveLength(1);
    // another notice, not awaiting its answer
    fixture.componentInstance.notice.set('n0');
    fixture.detectChanges();
    expect(all('rect-upload')).toHaveLength(0);
  });

  it('reads the rights again when a write finds the document locked meanwhile (409)', async () => {
    const { fixture, http, answer, all } = await render();
    await answer([file({})]);
    await fixture.whenStable();
    fixture.detectChanges();
    (all('row1-delete')[0] as HTMLButtonElement).click();
    fixture.detectChanges();
    (document.querySelector('.ant-popover .ant-btn-primary') as HTMLButtonElement).click();
    http.expectOne((r) => r.method === 'DELETE').flush({ message: '自评处于「已提交」状态，不能上传或删除自评佐证材料' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    await answer([file({})], LOCKED);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(all('row1-error')[0].textContent).toContain('自评处于「已提交」状态');
    expect(all('row1-delete')).toHaveLength(0);
  });
});
