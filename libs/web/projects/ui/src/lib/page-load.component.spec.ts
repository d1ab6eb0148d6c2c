import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { ShownFailure } from './failure-alert.component';
import { PageLoadComponent } from './page-load.component';

@Component({
  imports: [PageLoadComponent],
  template: `<pt-page-load [error]="error()" [backLink]="['/projects', 'p1']" backText="返回项目" (retry)="retries = retries + 1" />`,
})
class HostComponent {
  readonly error = signal<ShownFailure | null>(null);
  retries = 0;
}

describe('PageLoadComponent', () => {
  async function render(error: ShownFailure | null) {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideRouter([])] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.error.set(error);
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('spins while the document loads', async () => {
    const { el } = await render(null);
    expect(el.querySelector('nz-spin')).not.toBeNull();
    expect(el.querySelector('[data-testid="load-error"]')).toBeNull();
  });

  it('a refused load: its message, 重试 and the way back', async () => {
    const { el, fixture } = await render({ status: 404, message: '项目不存在', details: [] });
    const result = el.querySelector('[data-testid="load-error"]') as HTMLElement;
    expect(result.textContent).toContain('项目不存在');
    expect(result.querySelector('a')?.getAttribute('href')).toBe('/projects/p1');
    expect(result.querySelector('a')?.textContent).toContain('返回项目');
    (result.querySelector('button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.retries).toBe(1);
  });
});
