import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of the web app (and of the API's answers and /api/docs): scripts only from our own
 * files — the production build inlines no script (critical-CSS inlining is off in apps/web/project.json, its
 * `onload` handler would be one). Styles may be inline: Angular and ng-zorro set style attributes and add
 * <style> elements at run time. No page may frame ours (clickjacking).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * helmet with our CSP. Not helmet's defaults there: they add `upgrade-insecure-requests`, which breaks an
 * intranet served over plain HTTP. No HSTS either: TLS, where there is any, ends at the proxy in front, which
 * knows whether every host under the domain speaks HTTPS.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}
