import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import type { HttpEvent, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import type { Observable } from 'rxjs';
import { shareReplay } from 'rxjs';

/** How long an early answer waits for the page that asked for it; after that the page asks again. */
const KEEP_MS = 15_000;
const EARLY = new HttpContextToken<boolean>(() => false);

/** Answers asked for early, by session and URL, until their page takes them (once) or they expire. */
const early = new Map<string, { events: Observable<HttpEvent<unknown>>; at: number }>();

/**
 * Asks for `url` (a JSON GET) now, while the page that needs it is still loading: the page's own GET of the same URL,
 * made soon after, is answered with this request instead of a second one (once). A cold load then waits for its chunks
 * and its data side by side, not one after the other. Goes through every interceptor, the token included.
 */
export function earlyGet(http: HttpClient, url: string): void {
  for (const [k, e] of early) if (Date.now() - e.at > KEEP_MS) early.delete(k);
  http.get(url, { context: new HttpContext().set(EARLY, true) }).subscribe({ error: () => undefined });
}

/** The interceptor behind `earlyGet`: keeps an early request's events for the page's GET of the same URL. */
export const earlyGetInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.context.get(EARLY)) {
    // every event replayed: the page's GET sees the very answer (status, headers and ETag included)
    const events = next(req).pipe(shareReplay());
    early.set(keyOf(req), { events, at: Date.now() });
    return events;
  }
  const key = keyOf(req);
  const kept = req.method === 'GET' && req.responseType === 'json' ? early.get(key) : undefined;
  if (!kept) return next(req);
  early.delete(key);
  return Date.now() - kept.at <= KEEP_MS ? kept.events : next(req);
};

/** The session (the token the auth interceptor set) and the URL: another user's early answer is never taken. */
function keyOf(req: HttpRequest<unknown>): string {
  return `${req.headers.get('Authorization') ?? ''} ${req.urlWithParams}`;
}
