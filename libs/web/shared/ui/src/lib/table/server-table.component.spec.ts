import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NzTableModule } from 'ng-zorro-antd/table';
import { serverPage } from './server-page';
import { ServerTableComponent } from './server-table.component';

@Component({
  imports: [NzTableModule, ServerTableComponent],
  template: `
    <pt-server-table [page]="rows" unit="条指标" testId="t">
      <ng-template>
        <thead>
          <tr><th nzWidth="120px">名称</th></tr>
        </thead>
        <tbody>
          @for (r of rows.items(); track r) {
            <tr data-testid="row"><td>{{ r }}</td></tr>
          }
        </tbody>
      </ng-template>
    </pt-server-table>
  `,
})
class HostComponent {
  readonly moved: number[] = [];
  readonly rows = serverPage<string>(10, () => this.moved.push(this.rows.page()));
}

describe('ServerTableComponent', () => {
  it("draws the page's header and rows as the table's own, the total, and pages through the ServerPage", async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(HostComponent);
    const host = fixture.componentInstance;
    host.rows.show({ items: ['甲', '乙'], total: 25 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;

    // one header (ng-zorro's), its column width applied, the rows as table rows
    expect(el.querySelectorAll('thead')).toHaveLength(1);
    expect(el.querySelector('thead')?.classList).toContain('ant-table-thead');
    expect(el.querySelector('col')?.getAttribute('style')).toContain('width: 120px');
    expect(Array.from(el.querySelectorAll('[data-testid="row"]')).map((r) => [r.textContent, r.className])).toEqual([
      ['甲', 'ant-table-row'],
      ['乙', 'ant-table-row'],
    ]);
    expect(el.querySelector('[data-testid="t"] .ant-pagination-total-text')?.textContent).toBe('共 25 条指标');

    (el.querySelector('.ant-pagination-item[title="3"]') as HTMLElement).click();
    expect(host.moved).toEqual([3]);
  });

  it('a capped total reads "N 条以上" and the pager offers the page after a full one', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(HostComponent);
    const host = fixture.componentInstance;
    const page = (items: number) => Array.from({ length: items }, (_, i) => `行${i}`);
    host.rows.page.set(20);
    host.rows.show({ items: page(10), total: 200, totalCapped: true });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="t"] .ant-pagination-total-text')?.textContent).toBe('200 条指标以上');
    expect(el.querySelector('[data-testid="total-capped"]')).not.toBeNull();
    // page 20 of pages of 10 is full: page 21 is offered and 下一页 is open (an exact 200 would end at page 20)
    expect(el.querySelector('.ant-pagination-item[title="21"]')).not.toBeNull();
    expect(el.querySelector('.ant-pagination-next')?.classList).not.toContain('ant-pagination-disabled');
    (el.querySelector('.ant-pagination-next') as HTMLElement).click();
    expect(host.moved).toEqual([21]);
    // the exact count again
    host.rows.show({ items: page(10), total: 200 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="t"] .ant-pagination-total-text')?.textContent).toBe('共 200 条指标');
    expect(el.querySelector('[data-testid="total-capped"]')).toBeNull();
  });
});
