import type { Request } from 'express';
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

/** Longer query strings are parsed each time, so the memory a parser keeps stays bounded. */
const REMEMBERED_TEXT = 2_048;

/**
 * `parse` for a request's query string, remembered by its text: the same list page is asked
 * for again and again, and its parse (Express's query parser, then the schema) was about 8%
 * of a cached page's cost. The text alone decides the outcome, so a remembered result is
 * exact. Only successes are kept (frozen: every request shares them), of texts up to 2 kB,
 * at most `max` of them; all are dropped when that fills.
 */
export function queryParser<T extends z.ZodType>(schema: T, max = 1_000) {
  let known = new Map<string, z.output<T>>();
  return (req: Request): z.output<T> => {
    const at = req.url.indexOf('?');
    const text = at < 0 ? '' : req.url.slice(at + 1);
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const value = deepFreeze(parse(schema, req.query, 'query'));
    if (text.length > REMEMBERED_TEXT) return value;
    if (known.size >= max) known = new Map();
    known.set(text, value);
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
