import type { Routes } from '@angular/router';
import { ShellLayout } from './shell.layout';
import { SHELL_PAGES } from './shell.pages';
import { ZORRO_UI_PROVIDERS } from './zorro-ui';

/** The pages inside the shell (its menu and header), each a lazy route; loaded once the user has a session. */
export const SHELL_CONTENT_ROUTES: Routes = [
  {
    path: '',
    component: ShellLayout,
    providers: ZORRO_UI_PROVIDERS,
    children: SHELL_PAGES,
  },
];
