import { paths } from '../../../config/paths';

export const REDIRECT_PARAM = 'redirectTo';

/**
 * Only same-app paths are honoured: `//evil.example` or `https://…` in the login URL must
 * not turn the login page into an open redirect.
 */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return paths.home;
  }
  if (target === paths.login || target.startsWith(`${paths.login}?`)) return paths.home;
  return target;
}

export function loginHref(from: { pathname: string; search: string; hash: string }): string {
  const target = `${from.pathname}${from.search}${from.hash}`;
  if (target === paths.home) return paths.login;
  return `${paths.login}?${new URLSearchParams({ [REDIRECT_PARAM]: target }).toString()}`;
}
