import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Paths that can carry a secret: invite links before the token moved to the #fragment
 * still arrive as /invite/<token>. Whoever reads the logs must not be able to redeem them.
 */
const SECRET_PATHS: RegExp[] = [/^(\/invite\/)[^/]+/];

export function redactPath(path: string): string {
  return SECRET_PATHS.reduce((p, pattern) => p.replace(pattern, '$1[redacted]'), path);
}

/** One line per request: no headers, no body, no query string (cursors and search terms stay out). */
export function requestLogger(logger: Logger): RequestHandler {
  // The line's five fields are made here and hold no secret (the path is redacted above), so
  // it skips the logger's wildcard redaction: pino 10 runs it on every field, parsing each
  // path again each time, about 20 kB of garbage a request for nothing to redact.
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : 'info';
      lines[level](
        {
          reqId: id,
          method: req.method,
          path: redactPath(req.path),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
}
