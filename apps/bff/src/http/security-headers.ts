import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, worked out once and set by one loop per response. Helmet's values are
 * fixed when it is configured (no per-request nonce is used here), but its middleware runs
 * a dozen functions per request, one per header, each cold on a request's path: in five
 * interleaved rounds a server without them served the cached list page 6% faster (median),
 * and one setting the same headers in one loop 2% faster. The test holds the headers to
 * helmet's own.
 */
export function securityHeaders(options?: HelmetOptions): RequestHandler {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    // Helmet removes X-Powered-By; the app turns it off (`app.disable('x-powered-by')`).
    removeHeader: () => undefined,
  };
  let done = false;
  helmet(options)({} as never, recorder as never, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
