import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { PROJECT_EXPORT_PROVIDERS, ProjectExporter, projectExportItems } from './project-exporter';

/** A page providing the exporter, as the project page does. */
@Component({ template: '', providers: PROJECT_EXPORT_PROVIDERS })
class Page {
  readonly exporter = inject(ProjectExporter);
}

describe('ProjectExporter', () => {
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  it('offers the 申报表 only before approval, and the 自评表 and 监控表 after', () => {
    expect(projectExportItems('draft').map((i) => i.id)).toEqual(['export-declaration-xlsx', 'export-declaration-pdf', 'export-declaration-docx']);
    expect(projectExportItems('draft').map((i) => i.label)).toEqual(['申报表 .xlsx', '申报表 PDF', '申报表 Word']);
    const approved = projectExportItems('approved');
    expect(approved.map((i) => i.id)).toEqual([
      'export-declaration-xlsx',
      'export-declaration-pdf',
      'export-declaration-docx',
      'export-evaluation-xlsx',
      'export-evaluation-pdf',
      'export-evaluation-docx',
      'export-monitoring-xlsx',
    ]);
    expect(approved.filter((i) => i.divider).map((i) => i.id)).toEqual(['export-evaluation-xlsx']);
    expect(approved.at(-1)?.label).toBe('监控表 .xlsx');
  });

  it("downloads the chosen form, busy meanwhile, and says the server's refusal", async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Page);
    const exporter = fixture.componentInstance.exporter;
    const done = exporter.download('p-1', 'export-evaluation-docx');
    const req = TestBed.inject(HttpTestingController).expectOne((r) => r.url === '/api/targets/p-1/export');
    expect(req.request.params.get('form')).toBe('evaluation');
    expect(req.request.params.get('format')).toBe('docx');
    expect(exporter.downloading()).toBe(true);
    req.flush(new Blob([JSON.stringify({ code: 'CONFLICT', message: '项目尚未批复' })]), { status: 409, statusText: 'Conflict' });
    await done;
    await fixture.whenStable();
    expect(document.querySelector('.ant-message')?.textContent).toContain('项目尚未批复');
    expect(exporter.downloading()).toBe(false);
  });

  it('says why a pick made while a file comes is not downloaded, and downloads it when picked after', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Page);
    const exporter = fixture.componentInstance.exporter;
    const http = TestBed.inject(HttpTestingController);
    const pdf = exporter.download('p-1', 'export-declaration-pdf');
    await exporter.download('p-1', 'export-declaration-docx');
    await fixture.whenStable();
    expect(document.querySelector('.ant-message')?.textContent).toContain('正在导出申报表 PDF，请等它完成后再导出申报表 Word');
    // the PDF only: the Word pick sent nothing
    http.expectOne((r) => r.params.get('format') === 'pdf').flush(new Blob([JSON.stringify({ message: '项目不存在或您无权查看' })]), { status: 404, statusText: 'Not Found' });
    await pdf;
    const docx = exporter.download('p-1', 'export-declaration-docx');
    http.expectOne((r) => r.params.get('format') === 'docx').flush(new Blob([JSON.stringify({ message: '导出失败' })]), { status: 500, statusText: 'Error' });
    await docx;
    http.verify();
    expect(exporter.downloading()).toBe(false);
  });
});
