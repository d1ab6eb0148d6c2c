/** Where to go after login or 修改密码: the `returnUrl` of the link when it is a path of this app, else the home page. */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  // `//host/...` and `/\host` (browsers read a backslash as a slash) are another site: never followed
  return returnUrl && returnUrl.startsWith('/') && !/^\/[/\\]/.test(returnUrl) ? returnUrl : '/';
}

/**
 * The query of the login (or 修改密码) page that brings the user back to `url` afterwards: none for the home page
 * or the login page itself (a loop), else `{ returnUrl }`.
 */
export function returnUrlQuery(url: string | null | undefined): { returnUrl: string } | Record<string, never> {
  const next = safeReturnUrl(url);
  return next === '/' || /^\/(login|password)(?:[/?#]|$)/.test(next) ? {} : { returnUrl: next };
}
