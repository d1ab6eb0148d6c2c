import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthStore } from '@pt/web/auth/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';

@Component({
  selector: 'pt-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule, NzEmptyModule],
  template: `
    <nz-card [nzTitle]="'欢迎，' + (store.user()?.displayName ?? '')">
      <nz-empty nzNotFoundContent="暂无待办事项"></nz-empty>
    </nz-card>
  `,
})
export class HomePage {
  readonly store = inject(AuthStore);
}
