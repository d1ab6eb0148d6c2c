import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MonitoringLight } from '@pt/domain';
import { LIGHT_COLORS, lightLabel } from '@pt/web/evaluation/data-access';

/** A traffic light: a coloured dot and its name (红灯 / 黄灯 / 绿灯 / 蓝灯 / 未评); `data-light` carries the colour. */
@Component({
  selector: 'pt-light',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'pt-light', '[attr.data-light]': 'light()', '[attr.title]': 'title() || null' },
  template: `<span class="dot" [style.background]="dot()"></span>@if (showLabel()) {<span class="label">{{ label() }}</span>}`,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
    .dot { width: 12px; height: 12px; border-radius: 50%; display: inline-block; box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.08); }
  `,
})
export class LightComponent {
  readonly light = input<MonitoringLight | null>('none');
  readonly showLabel = input(true);
  readonly title = input<string>('');
  readonly label = computed(() => lightLabel(this.light()));
  readonly dot = computed(() => LIGHT_COLORS[this.light() ?? 'none']?.dot ?? LIGHT_COLORS.none.dot);
}
