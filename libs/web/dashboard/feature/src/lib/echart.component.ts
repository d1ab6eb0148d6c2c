import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, output, viewChild } from '@angular/core';
import type { DashboardChartOption } from '@pt/web/dashboard/data-access';
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws (tree-shaken); this file lives in the dashboard's lazy chunk.
use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * One ECharts chart: created on the element after the first render, its option replaced whenever the
 * input changes, resized with the window (and its own box), disposed with the component. A click on a
 * data point emits its `dataIndex`.
 */
@Component({
  selector: 'pt-echart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #canvas class="canvas" [style.height]="height()"></div>`,
  styles: `
    :host { display: block; }
    .canvas { width: 100%; }
  `,
})
export class EchartComponent {
  readonly option = input.required<DashboardChartOption>();
  readonly height = input('280px');
  readonly itemClick = output<number>();

  private readonly canvas = viewChild.required<ElementRef<HTMLDivElement>>('canvas');
  private chart: EChartsType | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const el = this.canvas().nativeElement;
      const chart = init(el, null, { renderer: 'svg', locale: 'ZH' });
      chart.on('click', (e: ECElementEvent) => {
        if (e.componentType === 'series' && typeof e.dataIndex === 'number') this.itemClick.emit(e.dataIndex);
      });
      chart.setOption(this.option(), true);
      this.chart = chart;

      const resize = () => {
        if (!chart.isDisposed()) chart.resize();
      };
      window.addEventListener('resize', resize);
      const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
      observer?.observe(el);
      destroyRef.onDestroy(() => {
        window.removeEventListener('resize', resize);
        observer?.disconnect();
        chart.dispose();
        this.chart = null;
      });
    });
    effect(() => {
      const option = this.option();
      // before the first render the chart does not exist yet: afterNextRender applies the option then
      this.chart?.setOption(option, true);
    });
  }
}
