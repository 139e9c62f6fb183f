import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, matchGlob } from './glob.js';

// Reference semantics from a regex, used only to check the linear matcher.
const viaRegex = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${[...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`,
    's',
  ).test(value);

describe('glob', () => {
  it.each([
    ['demo@*', 'demo@x@y@read', true],
    ['demo@*', 'demo', false],
    ['*@read', 'a@b@c@read', true],
    ['*@read', 'a@b@c@write', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
  ])('%s ~ %s = %s', (pattern, value, expected) => {
    expect(matchGlob(compileGlob(pattern), value)).toBe(expected);
  });

  it('agrees with a regex translation for any pattern and value', () => {
    const alphabet = fc.constantFrom('a', 'b', '@', '*', '?');
    const text = fc.string({ unit: alphabet, maxLength: 12 });
    fc.assert(
      fc.property(
        text,
        text,
        (pattern, value) => matchGlob(compileGlob(pattern), value) === viaRegex(pattern, value),
      ),
      { numRuns: 2000 },
    );
  });

  it('does not blow up on many stars', () => {
    const started = performance.now();
    expect(matchGlob(compileGlob('a*'.repeat(500) + 'b'), 'a'.repeat(1200))).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
