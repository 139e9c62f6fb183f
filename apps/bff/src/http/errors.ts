import type { FieldError } from '@rolebridge/contracts';

/**
 * Domain errors. Services throw these; one middleware turns them into problem+json.
 * `code` is the stable machine-readable reason clients may switch on.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  /** Members beyond the problem's own, e.g. the verification a 422 refers to. */
  extra: Record<string, unknown> = {};
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  withExtra(extra: Record<string, unknown>): this {
    this.extra = extra;
    return this;
  }
}

export class InputError extends AppError {
  readonly status = 400;
  readonly title = 'Invalid input';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
    code = 'invalid_input',
  ) {
    super(code, message);
  }
}

export class NotAuthenticated extends AppError {
  readonly status = 401;
  readonly title = 'Not authenticated';
}

export class NotAllowed extends AppError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

export class NotFound extends AppError {
  readonly status = 404;
  readonly title = 'Not found';
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly title = 'Conflict';
  constructor(
    code: string,
    message: string,
    /** The field a form should mark, e.g. the name that is taken. */
    readonly errors: FieldError[] = [],
  ) {
    super(code, message);
  }
}

/** Understood but refused on its merits, e.g. a trust policy that denies the stack. */
export class Unprocessable extends AppError {
  readonly status = 422;
  readonly title = 'Unprocessable content';
}

/** It existed once and never will again, e.g. an expired invite link. */
export class Gone extends AppError {
  readonly status = 410;
  readonly title = 'Gone';
}

export class PreconditionFailed extends AppError {
  readonly status = 412;
  readonly title = 'Precondition failed';
}

export class PreconditionRequired extends AppError {
  readonly status = 428;
  readonly title = 'Precondition required';
}

export class TooManyRequests extends AppError {
  readonly status = 429;
  readonly title = 'Too many requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** A call to AWS (or another dependency) failed; `code` carries the upstream error code. */
export class Upstream extends AppError {
  readonly status = 502;
  readonly title = 'Upstream error';
}

export class UnsupportedMediaType extends AppError {
  readonly status = 415;
  readonly title = 'Unsupported media type';
}

/** A dependency we need right now (e.g. STS for the platform identity) is not answering. */
export class ServiceUnavailable extends AppError {
  readonly status = 503;
  readonly title = 'Service unavailable';
}
