import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrustPolicy } from './parse.js';
import { parseTrustPolicyDocument } from './document.js';

const valid = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
      Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
    },
  ],
};
const statement = valid.Statement[0];
const withStatement = (patch: Record<string, unknown>, drop: string[] = []) => {
  const s: Record<string, unknown> = { ...statement, ...patch };
  for (const key of drop) delete s[key];
  return JSON.stringify({ Version: '2012-10-17', Statement: [s] });
};
const errorsOf = (text: string) => {
  const result = parseTrustPolicy(text);
  return result.ok ? [] : result.errors;
};

describe('parseTrustPolicy: JSON syntax', () => {
  it.each([
    ['trailing comma', '{\n  "Version": "2012-10-17",\n}', 3, 1],
    ['missing comma', '{\n  "Version": "2012-10-17"\n  "Statement": []\n}', 3, 3],
    ['single quotes', "{ 'Version': 1 }", 1, 3],
    ['unterminated string', '{ "Version": "2012', 1, 14],
    ['garbage after the document', '{}\n}', 2, 1],
    ['empty object key missing', '{ : 1 }', 1, 3],
  ])('%s is reported at line and column', (_name, text, line, column) => {
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ code: 'json-syntax', line, column });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => Array.isArray(errorsOf(text))),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => Array.isArray(errorsOf(text))),
      { numRuns: 500 },
    );
  });

  it('refuses deep nesting with a position, not a stack overflow', () => {
    const [error] = errorsOf('['.repeat(2000));
    expect(error).toMatchObject({ code: 'json-syntax', line: 1 });
    expect(error?.message).toMatch(/Nested deeper/);
  });
});

describe('parseTrustPolicy: size and characters', () => {
  it('accepts 2048 characters, not counting whitespace', () => {
    const compact = JSON.stringify({ ...valid, Id: '' });
    const exact = JSON.stringify({ ...valid, Id: 'x'.repeat(2048 - compact.length) });
    const padded = exact.replace(/,/g, `,\n${' '.repeat(300)}`);
    expect(padded.length).toBeGreaterThan(3000);
    expect(parseTrustPolicy(padded).ok).toBe(true);
    expect(parseTrustPolicy(exact.replace('"Id":"', '"Id":"x')).ok).toBe(false);
  });

  it('refuses a 100 KB paste quickly, with a position', () => {
    const blob = JSON.stringify({ Statement: [{ Sid: 'x'.repeat(100_000) }] });
    const started = performance.now();
    const [error] = errorsOf(blob);
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toMatchObject({ code: 'too-large', line: 1, column: 2049 });
  });

  it('honours maxLength up to IAM’s 4096 ceiling', () => {
    const text = JSON.stringify({ ...valid, Id: 'x'.repeat(3000) });
    expect(parseTrustPolicy(text).ok).toBe(false);
    expect(parseTrustPolicy(text, { maxLength: 4096 }).ok).toBe(true);
    expect(
      parseTrustPolicy(JSON.stringify({ ...valid, Id: 'x'.repeat(5000) }), { maxLength: 100_000 })
        .ok,
    ).toBe(false);
  });

  it('points at a smart quote', () => {
    const [error] = errorsOf('{ \u201cVersion\u201d: 1 }');
    expect(error).toMatchObject({ code: 'invalid-character', line: 1, column: 3 });
  });
});

describe('parseTrustPolicy: IAM grammar', () => {
  it('accepts a single statement object as well as a list', () => {
    const result = parseTrustPolicy(JSON.stringify({ ...valid, Statement: statement }));
    expect(result.ok && result.policy.statements).toHaveLength(1);
    expect(result.ok && result.policy.statements[0]?.path).toBe('$.Statement');
  });

  it.each([
    ['Resource', withStatement({ Resource: '*' }), 'resource-present', '$.Statement[0].Resource'],
    [
      'NotPrincipal',
      withStatement({ NotPrincipal: { AWS: '1' } }, ['Principal']),
      'not-principal',
      '$.Statement[0].NotPrincipal',
    ],
    ['no Principal', withStatement({}, ['Principal']), 'missing-principal', '$.Statement[0]'],
    ['no Effect', withStatement({}, ['Effect']), 'missing-effect', '$.Statement[0]'],
    [
      'Effect in lower case',
      withStatement({ Effect: 'allow' }),
      'invalid-effect',
      '$.Statement[0].Effect',
    ],
    [
      'lower-case field name',
      withStatement({ action: 'sts:AssumeRole' }, ['Action']),
      'unknown-field',
      '$.Statement[0].action',
    ],
    ['no Action', withStatement({}, ['Action']), 'missing-action', '$.Statement[0]'],
    [
      'Action and NotAction',
      withStatement({ NotAction: 's3:*' }),
      'action-and-not-action',
      '$.Statement[0].NotAction',
    ],
    [
      'malformed action',
      withStatement({ Action: 'AssumeRole' }),
      'invalid-action',
      '$.Statement[0].Action',
    ],
    [
      'wildcard inside a principal ARN',
      withStatement({ Principal: { AWS: 'arn:aws:iam::111111111111:role/*' } }),
      'invalid-principal',
      '$.Statement[0].Principal.AWS',
    ],
    [
      'account ID of 11 digits',
      withStatement({ Principal: { AWS: ['11111111111'] } }),
      'invalid-principal',
      '$.Statement[0].Principal.AWS[0]',
    ],
    [
      'principal string other than *',
      withStatement({ Principal: '111111111111' }),
      'invalid-principal',
      '$.Statement[0].Principal',
    ],
    [
      'unknown operator',
      withStatement({ Condition: { StringEqual: { 'sts:ExternalId': 'x' } } }),
      'unknown-operator',
      '$.Statement[0].Condition.StringEqual',
    ],
    [
      'NullIfExists',
      withStatement({ Condition: { NullIfExists: { 'sts:ExternalId': 'true' } } }),
      'unknown-operator',
      '$.Statement[0].Condition.NullIfExists',
    ],
    [
      'empty condition value list',
      withStatement({ Condition: { StringLike: { 'sts:ExternalId': [] } } }),
      'invalid-condition-value',
      '$.Statement[0].Condition.StringLike["sts:ExternalId"]',
    ],
    [
      'object as condition value',
      withStatement({ Condition: { StringLike: { 'sts:ExternalId': { a: 1 } } } }),
      'invalid-condition-value',
      '$.Statement[0].Condition.StringLike["sts:ExternalId"]',
    ],
    [
      'bad Version',
      JSON.stringify({ ...valid, Version: '2024-01-01' }),
      'invalid-version',
      '$.Version',
    ],
    [
      'unknown top-level field',
      JSON.stringify({ ...valid, Statements: [] }),
      'unknown-field',
      '$["Statements"]',
    ],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' }), 'missing-statement', '$'],
    [
      'empty Statement list',
      JSON.stringify({ Version: '2012-10-17', Statement: [] }),
      'missing-statement',
      '$.Statement',
    ],
    [
      'duplicate Sid',
      JSON.stringify({
        Statement: [
          { ...statement, Sid: 'A' },
          { ...statement, Sid: 'A' },
        ],
      }),
      'duplicate-sid',
      '$.Statement[1].Sid',
    ],
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    [
      'Sid with a space',
      JSON.stringify({ Statement: { ...statement, Sid: 'allow platform' } }),
      'invalid-sid',
      '$.Statement.Sid',
    ],
    [
      'Sid with a dash',
      JSON.stringify({ Statement: { ...statement, Sid: 'allow-platform' } }),
      'invalid-sid',
      '$.Statement.Sid',
    ],
    [
      'duplicate key',
      '{"Statement": {"Effect": "Allow", "Effect": "Deny"}}',
      'duplicate-key',
      '$.Statement',
    ],
    ['array at the top', '[]', 'not-an-object', '$'],
  ])('%s', (_name, text, code, path) => {
    const errors = errorsOf(text);
    expect(errors.map((e) => e.code)).toContain(code);
    const error = errors.find((e) => e.code === code);
    expect(error?.path).toBe(path);
    expect(error?.line).toBeGreaterThanOrEqual(1);
    expect(error?.message.length).toBeGreaterThan(15);
  });

  it('keeps booleans and numbers in conditions as text, like IAM', () => {
    const result = parseTrustPolicy(
      withStatement({
        Condition: {
          Bool: { 'aws:SecureTransport': true },
          NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
        },
      }),
    );
    expect(result.ok && result.policy.statements[0]?.conditions.map((c) => c.values)).toEqual([
      ['true'],
      ['3600'],
    ]);
  });

  it('validates a policy object without positions', () => {
    expect(parseTrustPolicyDocument(valid).ok).toBe(true);
    const bad = parseTrustPolicyDocument({
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toEqual({
      code: 'missing-principal',
      message: expect.any(String) as string,
      path: '$.Statement[0]',
    });
  });
});
