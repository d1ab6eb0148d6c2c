import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import type { HttpEvent, HttpInterceptorFn } from '@angular/common/http';
import type { Observable } from 'rxjs';
import { shareReplay } from 'rxjs';

/** How long an early answer waits for the page that asked for it; after that the page asks again. */
const KEEP_MS = 15_000;
const EARLY = new HttpContextToken<boolean>(() => false);

/** Answers asked for early, by URL, until their page takes them (once) or they expire. */
const early = new Map<string, { events: Observable<HttpEvent<unknown>>; at: number }>();

/**
 * Asks for `url` (a JSON GET) now, while the page that needs it is still loading: the page's own GET of the same URL,
 * made soon after, is answered with this request instead of a second one (once). A cold load then waits for its chunks
 * and its data side by side, not one after the other. Goes through every interceptor, the token included.
 */
export function earlyGet(http: HttpClient, url: string): void {
  for (const [u, e] of early) if (Date.now() - e.at > KEEP_MS) early.delete(u);
  if (early.has(url)) return;
  http.get(url, { context: new HttpContext().set(EARLY, true) }).subscribe({ error: () => undefined });
}

/** The interceptor behind `earlyGet`: keeps an early request's events for the page's GET of the same URL. */
export const earlyGetInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.context.get(EARLY)) {
    // every event replayed: the page's GET sees the very answer (status, headers and ETag included)
    const events = next(req).pipe(shareReplay());
    early.set(req.urlWithParams, { events, at: Date.now() });
    return events;
  }
  const kept = req.method === 'GET' && req.responseType === 'json' ? early.get(req.urlWithParams) : undefined;
  if (!kept) return next(req);
  early.delete(req.urlWithParams);
  return Date.now() - kept.at <= KEEP_MS ? kept.events : next(req);
};
