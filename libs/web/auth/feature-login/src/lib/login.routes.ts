import type { Routes } from '@angular/router';
import { LoginPage } from './login.page';
import { PasswordPage } from './password.page';

export const LOGIN_ROUTES: Routes = [{ path: '', component: LoginPage, title: '登录 · 绩效目标管理' }];

/** 修改密码 (needs a session: the shell's route table puts the auth guard in front). */
export const PASSWORD_ROUTES: Routes = [{ path: '', component: PasswordPage, title: '修改密码 · 绩效目标管理' }];
