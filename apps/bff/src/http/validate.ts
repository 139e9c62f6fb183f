import type { z } from 'zod';
import { toFieldErrors } from '@rolebridge/contracts';
import { InputError } from './errors.js';

/** Parses outside input with a contracts schema; failures become a 400 naming each field. */
export function parse<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'request',
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors = toFieldErrors(result.error);
  const first = errors[0];
  const summary = first ? `${first.path}: ${first.message}` : `Invalid ${what}`;
  throw new InputError(
    errors.length > 1 ? `${summary} (and ${errors.length - 1} more)` : summary,
    errors,
  );
}
