import { describe, expect, it } from 'vitest';
import { externalIdsFor } from '../external-id.js';
import { generateTrustPolicy } from '../generate/generate.js';
import { CALLER, PLATFORM, ULID } from '../test-helpers.js';
import { analyzeTrustPolicy } from './analyze.js';
import type { AnalyzeContext } from './types.js';

const ids = externalIdsFor({ accountName: 'demo', integrationId: ULID, stacks: ['stack-a'] });
const anyStack = JSON.parse(
  generateTrustPolicy({ variant: 'any-stack', accountName: 'demo', platformAccountId: PLATFORM })
    .json,
) as { Statement: Record<string, unknown>[] };
const withStatement = (extra: Record<string, unknown>) =>
  JSON.stringify({ ...anyStack, Statement: [...anyStack.Statement, extra] });
const analyze = (policy: string, context?: AnalyzeContext) =>
  analyzeTrustPolicy({
    policy,
    externalIds: ids,
    principalArn: CALLER,
    accountName: 'demo',
    ...(context ? { context } : {}),
  });
const find = (r: ReturnType<typeof analyze>, code: string) =>
  r.findings.find((f) => f.code === code);

describe('the analyzer answers for the whole request', () => {
  it('refuses tagged calls without sts:TagSession and says which action failed', () => {
    const r = analyze(JSON.stringify(anyStack), { sessionTags: { Project: 'blue' } });
    expect(r.results.map((x) => [x.decision, x.action])).toEqual(
      ids.map(() => ['implicit-deny', 'sts:TagSession']),
    );
    expect(find(r, 'missing-tag-session')?.severity).toBe('error');
  });

  it('refuses a source identity without sts:SetSourceIdentity', () => {
    const r = analyze(JSON.stringify(anyStack), { sourceIdentity: 'alice' });
    expect(r.results[0]).toMatchObject({
      decision: 'implicit-deny',
      action: 'sts:SetSourceIdentity',
    });
    expect(find(r, 'missing-set-source-identity')).toBeDefined();
  });

  it('evaluates the source IP it is given', () => {
    const policy = withStatement({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
    });
    expect(analyze(policy, { sourceIp: '10.1.2.3' }).results[0]?.decision).toBe('allow');
    expect(analyze(policy, { sourceIp: '192.0.2.1' }).results[0]?.decision).toBe('explicit-deny');
  });

  it('warns about a Deny whose DateGreaterThan has passed, and it denies', () => {
    const policy = withStatement({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
    });
    const later = analyze(policy, { now: Date.UTC(2026, 5, 1) });
    expect(find(later, 'deny-date-passed')?.path).toBe(
      '$.Statement[1].Condition.DateGreaterThan["aws:CurrentTime"]',
    );
    expect(later.results[0]?.decision).toBe('explicit-deny');
    const earlier = analyze(policy, { now: Date.UTC(2025, 5, 1) });
    expect(find(earlier, 'deny-date-passed')).toBeUndefined();
    expect(earlier.results[0]?.decision).toBe('allow');
  });

  it('flags ArnLike values with fewer than six parts', () => {
    const policy = withStatement({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } },
    });
    const r = analyze(policy);
    expect(find(r, 'arn-too-few-parts')?.message).toContain('"arn:aws:iam::*"');
    // The Deny matches nothing, as in IAM.
    expect(r.results[0]?.decision).toBe('allow');
  });

  it('reports a non-alphanumeric Sid as an error', () => {
    const policy = JSON.stringify({
      ...anyStack,
      Statement: [{ ...anyStack.Statement[0], Sid: 'allow platform' }],
    });
    const r = analyze(policy);
    expect(r.valid).toBe(false);
    expect(find(r, 'invalid-sid')?.severity).toBe('error');
  });

  it('a role-session caller is matched by its role ARN with the path', () => {
    const policy = withStatement({
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:role/ci/*` } },
    });
    const r = analyzeTrustPolicy({
      policy,
      externalIds: ids,
      principalArn: `arn:aws:sts::${PLATFORM}:assumed-role/deployer/s1`,
      accountName: 'demo',
      context: { principalRoleArn: `arn:aws:iam::${PLATFORM}:role/ci/deployer` },
    });
    expect(r.results[0]?.decision).toBe('allow');
  });
});
