import type { HttpClient } from '@angular/common/http';
import { DefaultUrlSerializer } from '@angular/router';
import { ApiPaths } from '@pt/shared/api-types';
import { of } from 'rxjs';
import type { Routes } from '@angular/router';
import { SHELL_PAGES } from './shell.pages';
import { warmPage } from './warm-page';

describe('warmPage: the page of the URL starts loading beside the shell', () => {
  const url = (u: string) => new DefaultUrlSerializer().parse(u);
  const pages = () => {
    const loads: string[] = [];
    const page = (path: string, pathMatch?: 'full') => ({ path, pathMatch, loadChildren: () => (loads.push(path), Promise.resolve([])) });
    const routes: Routes = [page('', 'full'), page('projects/:id/evaluation'), page('projects', 'full'), page('projects'), page('dashboard')];
    return { routes, loads };
  };

  it.each([
    ['/', ''],
    ['/projects', 'projects'],
    ['/projects?year=2026', 'projects'],
    ['/projects/4f6c/evaluation', 'projects/:id/evaluation'],
    ['/projects/4f6c', 'projects'],
    ['/dashboard', 'dashboard'],
  ])('%s loads the route %s, as the router will match it', async (u, path) => {
    const { routes, loads } = pages();
    await warmPage(routes, url(u));
    expect(loads).toEqual([path]);
  });

  it('no page for an unknown URL, and a failing loader is left to the router', async () => {
    const { routes, loads } = pages();
    expect(warmPage(routes, url('/nowhere'))).toBeNull();
    expect(loads).toEqual([]);
    const failing: Routes = [{ path: 'x', loadChildren: () => Promise.reject(new Error('offline')) }];
    await expect(warmPage(failing, url('/x'))).resolves.toBeUndefined();
  });

  it('the 申报表 of a target: the editor chunk, the target and the frameworks asked for at once', () => {
    const editor = SHELL_PAGES.find((r) => r.path === 'projects' && r.pathMatch !== 'full');
    const calls = jest.spyOn(editor as { loadChildren: () => unknown }, 'loadChildren').mockReturnValue(Promise.resolve([]));
    const gets: string[] = [];
    const http = { get: (u: string) => (gets.push(u), of(null)) } as unknown as HttpClient;
    const id = '8b1e8a3e-1d5c-4a52-9a0a-3f4a3c1b2d10';
    warmPage(SHELL_PAGES, url(`/projects/${id}`), http);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(gets).toEqual([ApiPaths.project(id), ApiPaths.frameworks]);
    // a new target has nothing to ask for yet
    warmPage(SHELL_PAGES, url('/projects/new'), http);
    expect(gets).toHaveLength(2);
  });
});
