import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  ApartmentOutline,
  ArrowDownOutline,
  ArrowUpOutline,
  AuditOutline,
  BarChartOutline,
  CheckCircleOutline,
  CheckOutline,
  CopyOutline,
  DatabaseOutline,
  DeleteOutline,
  EditOutline,
  ExportOutline,
  HomeOutline,
  ImportOutline,
  KeyOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  MessageOutline,
  PlusOutline,
  ProjectOutline,
  ReloadOutline,
  RollbackOutline,
  SaveOutline,
  SearchOutline,
  SendOutline,
  SettingOutline,
  StopOutline,
  SwapOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
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
      ApartmentOutline,
      ArrowDownOutline,
      ArrowUpOutline,
      AuditOutline,
      BarChartOutline,
      CheckCircleOutline,
      CheckOutline,
      CopyOutline,
      DatabaseOutline,
      DeleteOutline,
      EditOutline,
      ExportOutline,
      HomeOutline,
      ImportOutline,
      KeyOutline,
      LockOutline,
      LogoutOutline,
      MenuFoldOutline,
      MenuUnfoldOutline,
      MessageOutline,
      PlusOutline,
      ProjectOutline,
      ReloadOutline,
      RollbackOutline,
      SaveOutline,
      SearchOutline,
      SendOutline,
      SettingOutline,
      StopOutline,
      SwapOutline,
      UserOutline,
    ]),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
  ],
};
