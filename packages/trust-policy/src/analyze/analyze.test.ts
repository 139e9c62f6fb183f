import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { externalIdsFor } from '../external-id.js';
import { generateTrustPolicy } from '../generate/generate.js';
import { parseTrustPolicy } from '../parse/parse.js';
import { CALLER, PLATFORM, ULID } from '../test-helpers.js';
import { analyzeTrustPolicy } from './analyze.js';
import type { AnalysisResult } from './types.js';

const ids = externalIdsFor({
  accountName: 'demo',
  integrationId: ULID,
  stacks: ['stack-a', 'stack-b'],
});
const base = {
  externalIds: ids,
  principalArn: CALLER,
  accountName: 'demo',
  platformAccountId: PLATFORM,
};
const specific = generateTrustPolicy({
  variant: 'specific-stacks',
  accountName: 'demo',
  platformAccountId: PLATFORM,
  stackSlugs: ['stack-a'],
}).json;
const analyze = (policy: string, extra: Partial<typeof base> = {}) =>
  analyzeTrustPolicy({ ...base, ...extra, policy });
const codes = (r: AnalysisResult) => r.findings.map((f) => f.code);

function expectSuggestionAllowsAll(r: AnalysisResult): void {
  expect(r.suggestedPolicy).toBeDefined();
  const again = analyze(r.suggestedPolicy ?? '');
  expect(again.valid).toBe(true);
  expect(again.results.map((x) => x.decision)).toEqual(ids.map(() => 'allow'));
}

describe('the three common failures, explained and fixed', () => {
  it('external ID for another stack', () => {
    const r = analyze(specific);
    expect(r.results.map((x) => x.decision)).toEqual([
      'allow',
      'allow',
      'implicit-deny',
      'implicit-deny',
    ]);
    const finding = r.findings.find((f) => f.code === 'stack-not-allowed');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('Runs of stack "stack-b"');
    expect(finding?.message).toContain('only lets stack "stack-a"');
    expect(finding?.fix).toContain('demo@*@stack-b@*');
    expectSuggestionAllowsAll(r);
  });

  it('principal of another account', () => {
    const r = analyze(specific.replace(PLATFORM, '333333333333'));
    expect(r.results.every((x) => x.decision === 'implicit-deny')).toBe(true);
    expect(r.results[0]?.statements[0]?.principal).toMatchObject({ matched: false });
    const finding = r.findings.find((f) => f.code === 'principal-not-platform');
    expect(finding?.message).toContain('trusts account 333333333333');
    expect(finding?.message).toContain(`Rolebridge calls AWS from account ${PLATFORM}`);
    expect(codes(r)).toContain('principal-mismatch');
    expect(finding?.fix).toContain(`"AWS": "${PLATFORM}"`);
    expectSuggestionAllowsAll(r);
  });

  it('StringEquals with a wildcard', () => {
    const r = analyze(
      specific.replace('StringLike', 'StringEquals').replace('demo@*@stack-a@*', 'demo@*'),
    );
    expect(r.results.every((x) => x.decision === 'implicit-deny')).toBe(true);
    const finding = r.findings.find((f) => f.code === 'wildcard-in-string-equals');
    expect(finding?.path).toBe('$.Statement[0].Condition.StringEquals["sts:ExternalId"]');
    expect(finding?.message).toMatch(/Use StringLike/);
    expect(finding?.fix).toContain('"StringLike"');
    expect(finding?.fix).not.toContain('"StringEquals"');
    expectSuggestionAllowsAll(r);
  });
});

describe('analyzeTrustPolicy', () => {
  it('reports nothing to fix for the generated any-stack policy', () => {
    const r = analyze(
      generateTrustPolicy({
        variant: 'any-stack',
        accountName: 'demo',
        platformAccountId: PLATFORM,
      }).json,
    );
    expect(r).toMatchObject({ valid: true, findings: [] });
    expect(r.suggestedPolicy).toBeUndefined();
    expect(r.results.map((x) => x.decision)).toEqual(ids.map(() => 'allow'));
  });

  it.each([
    [
      'broken JSON',
      '{"Version": "2012-10-17",\n "Statement": [ {"Effect": "Allow" "Action": 1} ]}',
      'json-syntax',
      { line: 2, column: 36 },
    ],
    ['a 100 KB blob', 'x'.repeat(100_000), 'too-large', { line: 1, column: 2049 }],
    ['an empty paste', '   ', 'empty', { line: 1 }],
  ])('%s gives an error with a position, never an exception', (_name, policy, code, position) => {
    const r = analyze(policy);
    expect(r.valid).toBe(false);
    expect(r.results).toEqual([]);
    expect(r.findings[0]).toMatchObject({ severity: 'error', code, ...position });
  });

  it('never throws for arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.json({ maxDepth: 5 })),
        fc.array(fc.string(), { maxLength: 3 }),
        (policy, externalIds) => {
          const r = analyze(policy, { externalIds });
          return typeof r.valid === 'boolean';
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    [
      'no external ID condition',
      {
        Version: '2012-10-17',
        Statement: { Effect: 'Allow', Principal: { AWS: PLATFORM }, Action: 'sts:AssumeRole' },
      },
      'no-external-id',
      'warning',
    ],
    [
      'Principal "*"',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
        },
      },
      'principal-wildcard',
      'error',
    ],
    [
      'Version missing',
      {
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
        },
      },
      'version-missing',
      'warning',
    ],
    [
      'Version 2008-10-17',
      {
        Version: '2008-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
        },
      },
      'version-legacy',
      'warning',
    ],
    [
      'another account name',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'acme@*' } },
        },
      },
      'account-name-mismatch',
      'error',
    ],
    [
      'a statement about another action',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: PLATFORM },
            Action: 'sts:AssumeRoleWithWebIdentity',
          },
        ],
      },
      'statement-never-matches',
      'info',
    ],
    [
      'contradicting conditions',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'sts:ExternalId': 'a' },
            StringLike: { 'sts:ExternalId': 'b*' },
          },
        },
      },
      'statement-never-matches',
      'warning',
    ],
    [
      'Resource present',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Resource: '*',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
        },
      },
      'resource-present',
      'error',
    ],
    [
      'NotPrincipal present',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          NotPrincipal: { AWS: '333333333333' },
          Action: 'sts:AssumeRole',
        },
      },
      'not-principal',
      'error',
    ],
    [
      'session tags without sts:TagSession',
      {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*', 'aws:RequestTag/stack': '*' } },
        },
      },
      'missing-tag-session',
      'warning',
    ],
    [
      'plan-only policy with apply runs',
      JSON.parse(
        generateTrustPolicy({
          variant: 'plan-only',
          accountName: 'demo',
          platformAccountId: PLATFORM,
        }).json,
      ) as object,
      'phase-not-allowed',
      'error',
    ],
    [
      'a Deny that blocks',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: PLATFORM },
            Action: 'sts:AssumeRole',
            Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
          },
          {
            Effect: 'Deny',
            Principal: '*',
            Action: 'sts:AssumeRole',
            Condition: { StringLike: { 'sts:ExternalId': '*@stack-b@*' } },
          },
        ],
      },
      'explicit-deny',
      'error',
    ],
  ])('%s', (_name, policy, code, severity) => {
    const r = analyze(JSON.stringify(policy));
    const finding = r.findings.find((f) => f.code === code);
    expect(finding, JSON.stringify(r.findings)).toBeDefined();
    expect(finding?.severity).toBe(severity);
    expect(finding?.message.length).toBeGreaterThan(30);
  });

  it('the missing sts:TagSession finding follows the caller’s intent too', () => {
    const policy = generateTrustPolicy({
      variant: 'any-stack',
      accountName: 'demo',
      platformAccountId: PLATFORM,
    }).json;
    expect(codes(analyzeTrustPolicy({ ...base, policy, usesSessionTags: true }))).toContain(
      'missing-tag-session',
    );
    expect(
      codes(
        analyzeTrustPolicy({
          ...base,
          policy: policy.replace('"sts:AssumeRole"', '["sts:AssumeRole", "sts:TagSession"]'),
          usesSessionTags: true,
        }),
      ),
    ).not.toContain('missing-tag-session');
  });

  it('still explains a policy AWS would refuse', () => {
    const policy = specific.replace('"Action"', '"Resource": "*", "Action"');
    const r = analyze(policy);
    expect(r.valid).toBe(false);
    expect(r.results).toHaveLength(ids.length);
    expect(r.suggestedPolicy).not.toContain('Resource');
  });

  it('keeps a corrected policy within the size quota for many stacks', () => {
    const slugs = Array.from({ length: 50 }, (_, i) => `stack-${i}`);
    const many = externalIdsFor({ accountName: 'demo', integrationId: ULID, stacks: slugs });
    const policy = generateTrustPolicy({
      variant: 'exact',
      accountName: 'demo',
      platformAccountId: PLATFORM,
      integrationId: ULID,
      stackSlugs: ['stack-0'],
    }).json;
    const r = analyze(policy, { externalIds: many });
    expect(r.suggestedPolicy).toBeDefined();
    expect(parseTrustPolicy(r.suggestedPolicy ?? '').ok).toBe(true);
  });
});
