import { compileGlob, matchGlob } from '../glob.js';
import type { ParsedOperator } from './operators.js';
import { parseParts, plain, resolve } from './variables.js';
import type { ValueMatcher } from './values.js';

const isBool = (v: string): boolean => v === 'true' || v === 'false';

/** String, Bool and Binary operators; policy variables only in the String and Bool families. */
export function compileString(op: ParsedOperator, raw: string, variables: boolean): ValueMatcher {
  const parts = variables && op.kind !== 'binary' ? parseParts(raw) : undefined;
  if (op.kind === 'binary') {
    // The policy holds the base64 text of the bytes; a binary context value arrives the same way.
    return (actual) => actual === raw;
  }
  if (op.kind === 'bool') {
    const fixed = raw.toLowerCase();
    return (actual, ctx) => {
      const chars = parts ? resolve(parts, ctx) : undefined;
      const expected = parts ? (chars ? plain(chars).toLowerCase() : undefined) : fixed;
      const a = actual.toLowerCase();
      if (expected === undefined || !isBool(expected) || !isBool(a)) return null;
      return a === expected;
    };
  }
  if (op.kind === 'like') {
    if (!parts) {
      const glob = compileGlob(raw);
      return (actual) => matchGlob(glob, actual);
    }
    return (actual, ctx) => {
      const chars = resolve(parts, ctx);
      return chars === undefined ? null : matchGlob(compileGlob(chars), actual);
    };
  }
  const fold = op.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  if (!parts) {
    const expected = fold(raw);
    return (actual) => fold(actual) === expected;
  }
  return (actual, ctx) => {
    const chars = resolve(parts, ctx);
    return chars === undefined ? null : fold(actual) === fold(plain(chars));
  };
}
