import type { ParseResult, PolicyDocument } from '../types.js';
import { MAX_LENGTH_LIMIT, parseTrustPolicy } from './parse.js';

/**
 * Validates a policy that is already a JS object (e.g. from the generator).
 * Errors carry paths but no line/column: there is no source text to point at.
 */
export function parseTrustPolicyDocument(
  document: PolicyDocument,
  opts: { maxLength?: number } = {},
): ParseResult {
  const result = parseTrustPolicy(JSON.stringify(document), {
    maxLength: opts.maxLength ?? MAX_LENGTH_LIMIT,
  });
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map(({ line: _line, column: _column, ...rest }) => rest),
  };
}
