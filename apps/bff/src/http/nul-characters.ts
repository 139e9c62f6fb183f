import type { RequestHandler } from 'express';
import { InputError } from './errors.js';

/** The first string (as a field path) holding U+0000, anywhere in a parsed JSON body. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = nulPath(child, childPath);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store U+0000 in text and fails the whole query (a 500), while SQLite
 * stores it; no identifier, name or search term of ours has a use for it. Refused up front,
 * in the path and query (`%00`) and in JSON bodies, so both databases answer the same 400.
 */
export function refuseNulCharacters(): RequestHandler {
  return (req, _res, next) => {
    if (/%00/.test(req.originalUrl)) {
      next(new InputError('The URL holds a NUL character (%00)', [], 'malformed_path'));
      return;
    }
    const path = nulPath(req.body, '');
    if (path !== null) {
      const message = 'Text may not contain NUL characters';
      next(new InputError(`${path || 'body'}: ${message}`, [{ path: path || 'body', message }]));
      return;
    }
    next();
  };
}
