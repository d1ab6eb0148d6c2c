import { Component } from '@angular/core';
import { ReloadOutline, SearchOutline, StopOutline } from '@ant-design/icons-angular/icons';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AUDIT_ROUTES, SECURITY_ROUTES } from './security.routes';

@Component({ selector: 'pt-home-stub', template: 'home' })
class HomeStub {}

/**
 * What the specs of 安全管理 and 审计日志 start from (spec code, not exported): their routes beside a home page (where a
 * refused role is sent) and the icons the app registers at the root (app.config.ts).
 */
export function securityTestProviders() {
  return [
    ...pageTestProviders([
      { path: '', component: HomeStub },
      { path: 'security', children: SECURITY_ROUTES },
      { path: 'audit', children: AUDIT_ROUTES },
    ]),
    provideNzIcons([ReloadOutline, SearchOutline, StopOutline]),
  ];
}
