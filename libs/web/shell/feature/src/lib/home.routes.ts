import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { BUSINESS_ROLES } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';

/** Declares or reviews targets (not one of the 三员 administrators): the 工作台 is this user's home page. */
const businessUser = () => !!inject(AuthStore).user()?.roles.some((r) => BUSINESS_ROLES.includes(r));

/**
 * The home page, a lazy chunk of its own (the choice by role stays out of the initial bundle): a filler's or a
 * reviewer's 工作台; the administrators' buttons to their pages otherwise.
 */
export const HOME_ROUTES: Routes = [
  { path: '', canMatch: [businessUser], loadChildren: () => import('@pt/web/work/feature').then((m) => m.WORKBENCH_ROUTES) },
  { path: '', loadComponent: () => import('./home.page').then((m) => m.HomePage), title: '首页 · 绩效目标管理' },
];
