import { Component, inject, signal } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { PROJECT_EXPORT_PROVIDERS, ProjectExporter } from '@pt/web/exports/data-access';
import { ProjectExportButtonsComponent } from './project-export-buttons.component';

/** The menu wired as the project page wires it. */
@Component({
  imports: [ProjectExportButtonsComponent],
  providers: PROJECT_EXPORT_PROVIDERS,
  template: `<pt-project-export-buttons
    [items]="exporter.items(status())"
    [downloading]="exporter.downloading()"
    [progress]="exporter.progress()"
    (chosen)="exporter.download('p-1', $event)"
  />`,
})
class Page {
  readonly exporter = inject(ProjectExporter);
  readonly status = signal('draft');
}

describe('ProjectExportButtonsComponent', () => {
  async function render(status: string) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(Page);
    fixture.componentInstance.status.set(status);
    await fixture.whenStable();
    (fixture.nativeElement.querySelector('[data-testid="export-menu"]') as HTMLButtonElement).click();
    // the dropdown opens after its 150 ms audit time
    await new Promise((r) => setTimeout(r, 200));
    await fixture.whenStable();
    const ids = Array.from(document.querySelectorAll('[data-testid^="export-"]'))
      .map((e) => e.getAttribute('data-testid'))
      .filter((id) => id !== 'export-menu');
    return { fixture, ids };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = '')));

  it('offers the 申报表 only for a project not yet approved', async () => {
    const { ids } = await render('draft');
    expect(ids).toEqual(['export-declaration-xlsx', 'export-declaration-pdf', 'export-declaration-docx']);
    expect(Array.from(document.querySelectorAll('[data-testid^="export-declaration"]')).map((e) => e.textContent?.trim())).toEqual(['申报表 .xlsx', '申报表 PDF', '申报表 Word']);
    expect(document.querySelectorAll('.ant-dropdown-menu-item-divider')).toHaveLength(0);
  });

  it('adds the 自评表 and 监控表 for an approved project, and downloads the chosen one', async () => {
    const { fixture, ids } = await render('approved');
    expect(ids).toEqual([
      'export-declaration-xlsx',
      'export-declaration-pdf',
      'export-declaration-docx',
      'export-evaluation-xlsx',
      'export-evaluation-pdf',
      'export-evaluation-docx',
      'export-monitoring-xlsx',
    ]);
    expect(document.querySelector('[data-testid="export-monitoring-xlsx"]')?.textContent?.trim()).toBe('监控表 .xlsx');
    expect(document.querySelectorAll('.ant-dropdown-menu-item-divider')).toHaveLength(1);
    (document.querySelector('[data-testid="export-evaluation-docx"]') as HTMLElement).click();
    const req = TestBed.inject(HttpTestingController).expectOne((r) => r.url === '/api/projects/p-1/export');
    expect(req.request.params.get('form')).toBe('evaluation');
    expect(req.request.params.get('format')).toBe('docx');
    await fixture.whenStable();
    expect((fixture.nativeElement.querySelector('[data-testid="export-menu"]') as HTMLButtonElement).disabled).toBe(true);
    req.flush(new Blob([JSON.stringify({ code: 'CONFLICT', message: '项目尚未批复' })]), { status: 409, statusText: 'Conflict' });
    // the error body is read from the blob, then the message shows and the button is back
    await new Promise((r) => setTimeout(r, 50));
    await fixture.whenStable();
    expect(document.querySelector('.ant-message')?.textContent).toContain('项目尚未批复');
    expect((fixture.nativeElement.querySelector('[data-testid="export-menu"]') as HTMLButtonElement).disabled).toBe(false);
  });
});
