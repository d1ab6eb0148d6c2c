/** Where to go after login or 修改密码: the `returnUrl` of the link when it is a path of this app, else the home page. */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  // `//host/...` is another site: never followed
  return returnUrl && returnUrl.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : '/';
}
