import type { RequestHandler } from 'express';
import { NotAllowed } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Sec-Fetch-Site values a page on our own origin (or the user typing a URL) sends. */
const OWN_SITE = new Set(['same-origin', 'none']);

function crossSite(origin: string | undefined, fetchSite: string | undefined, host?: string) {
  if (fetchSite !== undefined) return !OWN_SITE.has(fetchSite);
  if (origin === undefined) return false;
  try {
    return origin === 'null' || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The session cookie is SameSite=Strict, but that alone leaves sibling subdomains
 * ("same-site") and browsers that ignore the attribute. So a state-changing request that a
 * browser would send with our cookie — any unsafe method without a bearer token, bodies or
 * not, the login included — must come from our own origin: Sec-Fetch-Site when the browser
 * sends it, else the Origin header against Host. Bearer tokens are never sent by a browser on
 * its own, so scripts using them are unaffected.
 */
export function refuseCrossSiteWrites(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization !== undefined) {
      next();
      return;
    }
    const fetchSite = req.get('Sec-Fetch-Site');
    if (crossSite(req.get('Origin'), fetchSite, req.get('Host'))) {
      next(
        new NotAllowed(
          'cross_site_request',
          'Cross-site requests may not change anything; use the console or an API token',
        ),
      );
      return;
    }
    next();
  };
}
