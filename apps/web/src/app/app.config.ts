import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
// one namespace import, its members named once below (the builder keeps only the icons used)
import * as icons from '@ant-design/icons-angular/icons';
import { authInterceptor } from '@pt/web/auth/data-access';
import { SHELL_ROUTES } from '@pt/web/shell/feature';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(SHELL_ROUTES, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideNzI18n(zh_CN),
    provideNzIcons([
      icons.ApartmentOutline, icons.ArrowDownOutline, icons.ArrowUpOutline, icons.AuditOutline, icons.BarChartOutline,
      icons.CheckCircleOutline, icons.CheckOutline, icons.CopyOutline, icons.DatabaseOutline, icons.DeleteOutline,
      icons.EditOutline, icons.ExportOutline, icons.HomeOutline, icons.ImportOutline, icons.KeyOutline,
      icons.LockOutline, icons.LogoutOutline, icons.MenuFoldOutline, icons.MenuUnfoldOutline, icons.MessageOutline,
      icons.PlusOutline, icons.ProjectOutline, icons.ReloadOutline, icons.RollbackOutline, icons.SaveOutline,
      icons.SearchOutline, icons.SendOutline, icons.SettingOutline, icons.StopOutline, icons.SwapOutline,
      icons.UserOutline,
    ]),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
  ],
};
