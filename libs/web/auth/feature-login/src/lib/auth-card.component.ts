import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';

/** The frame of a page before or beside the application (登录, 修改密码): a card in the middle of a grey page, with its title. */
@Component({
  selector: 'pt-auth-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule],
  template: `
    <main class="page">
      <nz-card class="card" [style.width.px]="width()">
        <h1 class="title" [class.with-subtitle]="!!subtitle()">{{ heading() }}</h1>
        @if (subtitle()) {
          <p class="subtitle">{{ subtitle() }}</p>
        }
        <ng-content />
      </nz-card>
    </main>
  `,
  styles: `
    .page { min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f0f2f5; }
    .title { font-size: 20px; margin: 0 0 16px; text-align: center; }
    .title.with-subtitle { margin-bottom: 4px; }
    .subtitle { color: rgba(0, 0, 0, 0.55); text-align: center; margin-bottom: 24px; }
  `,
})
export class AuthCardComponent {
  readonly heading = input.required<string>();
  readonly subtitle = input('');
  readonly width = input(380);
}
