import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { listAwsIntegrationsQuery } from '@rolebridge/contracts';
import { InputError } from './errors.js';
import { queryParser } from './validate.js';

/** The two parts of a request a query parser reads, as Express fills them for `url`. */
function req(url: string): Request {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(url.split('?')[1] ?? '')) {
    const had = query[key];
    query[key] = had === undefined ? value : [had, value].flat();
  }
  return { url, query } as unknown as Request;
}

describe('queryParser', () => {
  it('parses a query once per text, and every request shares the frozen result', () => {
    const parse = queryParser(listAwsIntegrationsQuery);
    const first = parse(req('/api/integrations/aws?label=a&label=b&limit=10'));
    expect(first).toEqual(listAwsIntegrationsQuery.parse({ label: ['a', 'b'], limit: '10' }));
    expect(parse(req('/api/integrations/aws?label=a&label=b&limit=10'))).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.label)).toBe(true);
    expect(() => first.label.push('c')).toThrow(TypeError);
    // Another text is another query, even with the same labels.
    expect(parse(req('/api/integrations/aws?label=b&label=a&limit=10')).label).toEqual(['b', 'a']);
    expect(parse(req('/api/integrations/aws')).limit).toBe(50);
  });

  it('refuses a bad query every time it comes, naming the field', () => {
    const parse = queryParser(listAwsIntegrationsQuery);
    for (let i = 0; i < 2; i++) {
      const error = (() => {
        try {
          parse(req('/api/integrations/aws?limit=0'));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^limit: /);
    }
  });

  it('keeps at most `max` results, then starts again', () => {
    const parse = queryParser(listAwsIntegrationsQuery, 2);
    const a = parse(req('/x?q=a'));
    parse(req('/x?q=b'));
    expect(parse(req('/x?q=a'))).toBe(a);
    parse(req('/x?q=c')); // full: everything dropped, then c kept
    const again = parse(req('/x?q=a'));
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });

  it('does not keep the results of long query strings', () => {
    const parse = queryParser(listAwsIntegrationsQuery);
    const long = `/x?limit=${'0'.repeat(3_000)}10`; // valid: limit 10
    const first = parse(req(long));
    expect(first.limit).toBe(10);
    expect(parse(req(long))).not.toBe(first);
  });
});
