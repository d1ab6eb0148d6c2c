import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { authInterceptor, earlyGetInterceptor } from '@pt/web/auth/data-access';
import { SHELL_ROUTES } from '@pt/web/shell/feature';

registerLocaleData(zh);

// ng-zorro's icons and i18n are not here: the routes of the pages that render it provide them (the shell's zorro-ui.ts)
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(SHELL_ROUTES, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor, earlyGetInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
  ],
};
