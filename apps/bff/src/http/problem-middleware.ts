import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Problem } from '@rolebridge/contracts';
import { isUniqueViolation } from '../db/unique-violation.js';
import { redactPath } from './request-logger.js';
import { AppError, Conflict, InputError, NotFound, TooManyRequests } from './errors.js';

const PROBLEM_TYPE = 'https://rolebridge.dev/problems/';

export function sendProblem(res: Parameters<RequestHandler>[1], body: Problem): void {
  res.status(body.status).type('application/problem+json').json(body);
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) =>
    next(new NotFound('route_not_found', `No route for ${req.method} ${req.path}`));
}

/** body-parser's own errors carry `type` and `status`; map them to field-free 400/413s. */
function fromBodyParser(err: unknown): AppError | Problem | null {
  if (typeof err !== 'object' || err === null || !('type' in err)) return null;
  const type = err.type;
  if (type === 'entity.parse.failed') {
    return new InputError('The request body is not valid JSON', [], 'malformed_json');
  }
  if (type === 'entity.too.large') {
    return {
      type: `${PROBLEM_TYPE}payload_too_large`,
      title: 'Payload too large',
      status: 413,
      detail: 'The request body is too large',
      code: 'payload_too_large',
    };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new InputError('Send the body as UTF-8 JSON', [], 'unsupported_encoding');
  }
  return null;
}

/**
 * Other client errors the framework raises before our code runs: a body that claims
 * `Content-Encoding: gzip` but does not inflate, or a path parameter with a broken
 * percent-escape (`/api/stacks/%FF`, which the router marks 400). Never a 500.
 */
function fromFramework(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null;
  const status = (err as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (err instanceof URIError)
    return new InputError('The URL holds a malformed percent-escape', [], 'malformed_path');
  return new InputError('The request body could not be read', [], 'malformed_body');
}

/**
 * A duplicate key no service turned into its own 409 (two requests creating the same thing
 * at once): the same 409 on SQLite and PostgreSQL, never a 500.
 */
function fromDatabase(err: unknown): AppError | null {
  if (!isUniqueViolation(err)) return null;
  return new Conflict(
    'already_exists',
    'Another request created the same thing at the same time; reload and try again',
  );
}

export function problemHandler(logger: Logger, exposeStack: boolean): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const mapped =
      err instanceof AppError
        ? err
        : (fromBodyParser(err) ?? fromFramework(err) ?? fromDatabase(err));
    if (mapped && !(mapped instanceof AppError)) {
      sendProblem(res, mapped);
      return;
    }
    if (mapped) {
      if (mapped instanceof TooManyRequests)
        res.set('Retry-After', String(mapped.retryAfterSeconds));
      const body: Problem = {
        ...mapped.extra,
        type: `${PROBLEM_TYPE}${mapped.code}`,
        title: mapped.title,
        status: mapped.status,
        detail: mapped.message,
        code: mapped.code,
        ...(mapped instanceof InputError ? { errors: mapped.errors } : {}),
        ...(mapped instanceof Conflict && mapped.errors.length > 0
          ? { errors: mapped.errors }
          : {}),
      };
      if (mapped.status >= 500)
        logger.error({ err: mapped, path: redactPath(req.path) }, 'upstream failure');
      sendProblem(res, body);
      return;
    }
    logger.error({ err, path: redactPath(req.path), method: req.method }, 'unhandled error');
    sendProblem(res, {
      type: `${PROBLEM_TYPE}internal`,
      title: 'Internal server error',
      status: 500,
      detail:
        exposeStack && err instanceof Error
          ? (err.stack ?? err.message)
          : 'Something went wrong on our side',
      code: 'internal',
    });
  };
}
