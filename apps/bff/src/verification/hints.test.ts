import { analyzeTrustPolicy } from '@rolebridge/trust-policy';
import { describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, trustPolicy } from '../test/roles.js';
import { confusedDeputyHint, hintsForFailure, roleArnHints, type HintContext } from './hints.js';

const ID = '01J9ZX3V6Q8K2M4N5P7R9S0T1U';
const ctx: HintContext = {
  roleArn: 'arn:aws:iam::222222222222:role/rolebridge',
  externalId: `demo@${ID}@prod@write`,
  stackSlug: 'prod',
  phase: 'write',
  accountName: 'demo',
  integrationId: ID,
  platformAccountId: '111111111111',
  durationSeconds: 3600,
  region: 'eu-west-1',
  cli: null,
};
const denied = {
  code: 'AccessDenied',
  message:
    'User: arn:aws:iam::111111111111:user/rolebridge is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/rolebridge',
};

describe('the hint for each STS outcome', () => {
  it.each([
    [denied, ['trust-policy-denies', 'external-id', 'role-missing-or-typo'], /111111111111/],
    [
      { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' },
      ['platform-is-root'],
      /operator/,
    ],
    [
      {
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      },
      ['duration-over-max'],
      /3600 s/,
    ],
    [
      {
        code: 'ValidationError',
        message:
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      },
      ['duration-role-chaining'],
      /operator/,
    ],
    [
      { code: 'ValidationError', message: 'arn:aws:iam::x is invalid' },
      ['role-arn-invalid'],
      /AWS/,
    ],
    [
      { code: 'RegionDisabledException', message: 'STS is not activated in this region' },
      ['sts-region-disabled'],
      /eu-west-1/,
    ],
    [{ code: 'InvalidClientTokenId', message: 'invalid' }, ['platform-credentials'], /operator/],
    [{ code: 'SignatureDoesNotMatch', message: 'bad' }, ['platform-credentials'], /operator/],
    [{ code: 'ExpiredToken', message: 'expired' }, ['platform-credentials'], /operator/],
    [{ code: 'CredentialsProviderError', message: 'none' }, ['platform-credentials'], /operator/],
    [{ code: 'Throttling', message: 'Rate exceeded' }, ['sts-throttled'], /Rate exceeded/],
    [{ code: 'TimeoutError', message: 'timed out' }, ['sts-unreachable'], /in time/],
    [
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
      ['sts-unreachable'],
      /could not connect to STS \(connection refused\)/,
    ],
    [{ code: 'InternalFailure', message: 'oops' }, ['sts-error'], /InternalFailure/],
  ])('%j → %j', (failure, ids, text) => {
    const hints = hintsForFailure(failure, ctx);
    expect(hints.map((h) => h.id)).toEqual(ids);
    expect(hints.map((h) => `${h.title} ${h.detail}`).join(' ')).toMatch(text);
  });

  it('gives the exact statement and the external ID to copy on AccessDenied', () => {
    const [statement, externalId] = hintsForFailure(denied, ctx);
    expect(JSON.parse(statement?.fix ?? '')).toEqual({
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': ctx.externalId } },
    });
    expect(externalId?.fix).toBe(ctx.externalId);
  });

  it('suggests the any-stack statement for the stand-in stack, and says the check reruns on attach', () => {
    const [statement] = hintsForFailure(denied, { ...ctx, stackSlug: 'rolebridge-verify' });
    expect(statement?.fix).toContain('"sts:ExternalId": "demo@*"');
    expect(statement?.detail).toMatch(/attach/);
  });

  it("leads with the analyzer's verdict when the policy was pasted", () => {
    const analysis = analyzeTrustPolicy({
      policy: trustPolicy('demo@*@staging@*'),
      externalIds: [ctx.externalId],
      principalArn: 'arn:aws:iam::111111111111:user/rolebridge',
      accountName: 'demo',
    });
    const [verdict] = hintsForFailure(denied, { ...ctx, analysis });
    expect(verdict?.id).toBe('trust-policy-analysis');
    expect(verdict?.detail).toMatch(/StringLike sts:ExternalId \["demo@\*@staging@\*"\]/);

    const allows = analyzeTrustPolicy({
      policy: ANY_STACK_POLICY,
      externalIds: [ctx.externalId],
      principalArn: 'arn:aws:iam::111111111111:user/rolebridge',
    });
    expect(hintsForFailure(denied, { ...ctx, analysis: allows })[0]?.id).toBe(
      'trust-policy-pasted-allows',
    );
  });

  it('writes no statement while the platform identity is unknown', () => {
    const [statement] = hintsForFailure(denied, { ...ctx, platformAccountId: null });
    expect(statement?.fix).toBeUndefined();
    expect(confusedDeputyHint({ ...ctx, platformAccountId: null }).fix).toBeUndefined();
  });
});

describe('ARN near misses, before any AWS call', () => {
  it.each([
    ['arn:aws:iam::222222222222:role/ok', null, undefined],
    ['arn:aws:iam::222222222222:user/alice', 'arn-user', undefined],
    ['arn:aws:iam::222222222222:policy/Admin', 'arn-policy', undefined],
    [
      'arn:aws:iam::222222222222:instance-profile/web',
      'arn-instance-profile',
      'arn:aws:iam::222222222222:role/web',
    ],
    [
      'arn:aws:sts::222222222222:assumed-role/deploy/session',
      'arn-assumed-role',
      'arn:aws:iam::222222222222:role/deploy',
    ],
    ['arn:amazon:iam::222222222222:role/x', 'arn-wrong-partition', undefined],
    ['arn:aws:iam::22222222222:role/x', 'arn-account-id', undefined],
    ['arn:aws:iam::2222222222222:role/x', 'arn-account-id', undefined],
    ['arn:aws:iam::222222222222:role/x ', 'arn-whitespace', 'arn:aws:iam::222222222222:role/x'],
    ['role/x', 'arn-not-a-role', undefined],
  ])('%s → %s', (arn, id, fix) => {
    const [hint] = roleArnHints(arn);
    expect(hint?.id ?? null).toBe(id);
    expect(hint?.fix).toBe(fix);
    if (hint) expect(hint.detail).toMatch(/did not call AWS/);
  });
});
