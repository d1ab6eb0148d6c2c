import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { checkTable, type Finding } from '@pt/domain';
import { findingPlace } from './finding-place';
import { FindingsPanelComponent } from './findings-panel.component';

@Component({
  imports: [FindingsPanelComponent],
  template: `<pt-findings-panel [live]="live()" [server]="server()" />`,
})
class Host {
  readonly live = signal<readonly Finding[]>([]);
  readonly server = signal<readonly Finding[]>([]);
}

/** The domain's own findings of a table whose first row has no 指标值 and which has no 满意度 row. */
const LIVE = checkTable({ frameworkCode: 'mof-2021', rows: [{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '' }] });

describe('FindingsPanelComponent', () => {
  async function render(live: readonly Finding[], server: readonly Finding[] = []): Promise<string[]> {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.live.set(live);
    fixture.componentInstance.server.set(server);
    await fixture.whenStable();
    const items = Array.from(fixture.nativeElement.querySelectorAll('[data-testid="finding"]') as NodeListOf<HTMLElement>);
    return items.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  it('names a row once: the message of a row already begins with it (第1行「培训人次」…)', async () => {
    const row = LIVE.find((f) => f.code === 'EMPTY_TARGET');
    expect(row?.message).toMatch(/^第1行「培训人次」/);
    const texts = await render(LIVE);
    const text = texts.find((t) => t.includes('培训人次') && t.includes('未填写'));
    expect(text).toBe(row?.message);
    expect(text?.match(/第1行/g)).toHaveLength(1);
  });

  it('puts 整表 before a finding of the whole table', async () => {
    const table = LIVE.find((f) => f.code === 'NO_SATISFACTION');
    expect(table?.indicatorIndex).toBeNull();
    const texts = await render(LIVE);
    expect(texts).toContain(`整表 ${table?.message}`);
  });

  it('puts the row before a row finding whose message does not say it (a server check of the last save)', async () => {
    const server: Finding = { code: 'COPIED_ROWS', severity: 'warning', message: '与本单位项目「甲」中的指标完全相同。', indicatorIndex: 9 };
    const texts = await render([], [server]);
    expect(texts).toEqual([`第10行 ${server.message} （服务器检查，按最近一次保存的内容）`]);
  });
});

describe('findingPlace', () => {
  it('is 整表, the row, or nothing when the message begins with its row', () => {
    expect(findingPlace({ indicatorIndex: null, message: '未设置满意度指标。' })).toBe('整表');
    expect(findingPlace({ indicatorIndex: 2, message: '第3行「培训人次」未填写指标值。' })).toBeNull();
    expect(findingPlace({ indicatorIndex: 2, message: '第3行（未填写三级指标名称）未填写指标值。' })).toBeNull();
    // 第1行 is not the start of 第10行
    expect(findingPlace({ indicatorIndex: 0, message: '第10行「甲」与第1行的三级指标名称重复。' })).toBe('第1行');
    expect(findingPlace({ indicatorIndex: 4, message: '与上年相同。' })).toBe('第5行');
  });
});
