import type { Routes } from '@angular/router';
import { LoginPage } from './login.page';

export const LOGIN_ROUTES: Routes = [{ path: '', component: LoginPage, title: '登录 · 绩效目标管理' }];
