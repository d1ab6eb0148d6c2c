import { inject, provideEnvironmentInitializer } from '@angular/core';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { NzIconPatchService, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import * as APP_ICONS from './app-icons';

/**
 * ng-zorro's setup, given by the routes of the pages that render it (login, 修改密码, the shell) rather than by the
 * app config: the icon service with its icons and ng-zorro's i18n (which brings date-fns) load with the first page
 * instead of sitting in the initial bundle. Both register at the root, so one page's setup serves every later one.
 */
export const ZORRO_UI_PROVIDERS: (Provider | EnvironmentProviders)[] = [
  provideNzIconsPatch(Object.values(APP_ICONS)),
  // registered when the route loads, not at the first icon directive: an overlay's icon may come first
  provideEnvironmentInitializer(() => inject(NzIconPatchService).doPatch()),
  // the app's language for ng-zorro's own texts (pagination, date picker, empty …)
  provideEnvironmentInitializer(() => inject(NzI18nService).setLocale(zh_CN)),
];
