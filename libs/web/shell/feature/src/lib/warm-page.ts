import { defaultUrlMatcher, PRIMARY_OUTLET, UrlSegmentGroup } from '@angular/router';
import type { HttpClient } from '@angular/common/http';
import type { Route, Routes, UrlTree } from '@angular/router';
import { earlyGet } from '@pt/web/auth/data-access';

/** The route data key of a page's first GETs: a function of the URL's path segments, the API URLs to ask for early. */
export const EARLY_GETS = 'earlyGets';
export type EarlyGets = (segments: readonly string[]) => string[];

/**
 * Starts loading the lazy page that `url` will open among `pages`, and the API answers it needs first (with `http`);
 * returns its loader's promise (null when no page matches). Called while the shell itself loads, so a cold load of a page fetches its chunks beside the shell's instead
 * of after them (one round trip of chunks fewer before the page can ask for its data). The router loads the page again
 * in its own time: the module is then already there.
 */
export function warmPage(pages: Routes, url: UrlTree | null | undefined, http?: HttpClient): Promise<unknown> | null {
  const group = url?.root.children[PRIMARY_OUTLET] ?? new UrlSegmentGroup([], {});
  const page = pages.find((r) => r.loadChildren && matches(r, group));
  if (!page?.loadChildren) return null;
  // and the data it will ask for first, by its route's `data.earlyGets`
  const gets = (page.data?.[EARLY_GETS] as EarlyGets | undefined)?.(group.segments.map((s) => s.path)) ?? [];
  if (http) for (const u of gets) earlyGet(http, u);
  try {
    // a page's loader is a plain import (no injection): a failure here is the router's to report, when it loads it
    return Promise.resolve((page.loadChildren as () => unknown)()).catch(() => undefined);
  } catch {
    return null;
  }
}

/** Whether the router matches `route` to the start of `group` (an empty path is the router's own case, not the matcher's). */
function matches(route: Route, group: UrlSegmentGroup): boolean {
  if (route.path === '') return route.pathMatch !== 'full' || (group.segments.length === 0 && !group.hasChildren());
  return defaultUrlMatcher(group.segments, group, route) !== null;
}
