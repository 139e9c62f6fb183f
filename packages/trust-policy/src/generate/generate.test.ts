import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy } from '../evaluate.js';
import { formatExternalId, type Phase } from '../external-id.js';
import { parseTrustPolicyDocument } from '../parse/document.js';
import { parseTrustPolicy } from '../parse/parse.js';
import type { TrustPolicy } from '../types.js';
import { generateTrustPolicy, type GenerateOptions } from './generate.js';

const PLATFORM = '111111111111';
const CALLER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;

const accountName = fc.stringMatching(/^[a-z0-9-]{2,39}$/);
const slug = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
const ulid = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const phase = fc.constantFrom<Phase>('read', 'write');
const externalId = fc.record({ accountName, integrationId: ulid, stackSlug: slug, phase });

function parsed(opts: GenerateOptions): TrustPolicy {
  const result = parseTrustPolicy(generateTrustPolicy(opts).json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.policy;
}
const decide = (policy: TrustPolicy, id: string, principalArn = CALLER) =>
  evaluateTrustPolicy(policy, { principalArn, externalId: id }).decision;

describe('generateTrustPolicy', () => {
  it('writes the seed guide’s "any stack" policy with the real account and principal', () => {
    expect(
      generateTrustPolicy({
        variant: 'any-stack',
        accountName: 'demo',
        platformAccountId: PLATFORM,
      }).policy,
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: PLATFORM },
          Action: 'sts:AssumeRole',
          Condition: { StringLike: { 'sts:ExternalId': 'demo@*' } },
        },
      ],
    });
  });

  it.each<[Omit<GenerateOptions, 'accountName' | 'platformAccountId'>, string, string | string[]]>([
    [{ variant: 'specific-stacks', stackSlugs: ['stack-a'] }, 'StringLike', 'demo@*@stack-a@*'],
    [
      { variant: 'specific-stacks', stackSlugs: ['a', 'b'] },
      'StringLike',
      ['demo@*@a@*', 'demo@*@b@*'],
    ],
    [{ variant: 'plan-only' }, 'StringLike', 'demo@*@read'],
    [{ variant: 'plan-only', stackSlugs: ['a'] }, 'StringLike', 'demo@*@a@read'],
    [
      {
        variant: 'exact',
        stackSlugs: ['a'],
        integrationId: '01HZY3K8Q4V6W2X9T5R7M1N0PA',
        phase: 'write',
      },
      'StringEquals',
      'demo@01HZY3K8Q4V6W2X9T5R7M1N0PA@a@write',
    ],
  ])('%o', (variant, operator, value) => {
    const { policy } = generateTrustPolicy({
      accountName: 'demo',
      platformAccountId: PLATFORM,
      ...variant,
    });
    expect(JSON.stringify(policy)).toContain(
      JSON.stringify({ [operator]: { 'sts:ExternalId': value } }),
    );
    expect(parseTrustPolicyDocument(policy).ok).toBe(true);
  });

  it.each<[Partial<GenerateOptions>, RegExp]>([
    [{ variant: 'any-stack', accountName: 'Demo' }, /Account name/],
    [{ variant: 'any-stack', platformAccountId: '1234' }, /Platform principal/],
    [{ variant: 'specific-stacks', stackSlugs: [] }, /at least one stack/],
    [{ variant: 'specific-stacks', stackSlugs: ['Bad Slug'] }, /Stack slug/],
    [{ variant: 'exact', stackSlugs: ['a'] }, /integration ID/],
  ])('refuses %o', (opts, message) => {
    expect(() =>
      generateTrustPolicy({
        variant: 'any-stack',
        accountName: 'demo',
        platformAccountId: PLATFORM,
        ...opts,
      }),
    ).toThrow(message);
  });
});

describe('generated policies allow exactly the IDs they target (property)', () => {
  it('any stack: every ID of the account, no ID of another account', () => {
    fc.assert(
      fc.property(externalId, accountName, (id, other) => {
        const policy = parsed({
          variant: 'any-stack',
          accountName: id.accountName,
          platformAccountId: PLATFORM,
        });
        expect(decide(policy, formatExternalId(id))).toBe('allow');
        fc.pre(other !== id.accountName);
        expect(decide(policy, formatExternalId({ ...id, accountName: other }))).toBe(
          'implicit-deny',
        );
      }),
    );
  });

  it('specific stacks: the listed stacks in both phases, never another stack', () => {
    fc.assert(
      fc.property(
        externalId,
        fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }),
        slug,
        (id, slugs, other) => {
          fc.pre(!slugs.includes(other));
          const policy = parsed({
            variant: 'specific-stacks',
            accountName: id.accountName,
            platformAccountId: PLATFORM,
            stackSlugs: slugs,
          });
          for (const stackSlug of slugs)
            expect(decide(policy, formatExternalId({ ...id, stackSlug }))).toBe('allow');
          expect(decide(policy, formatExternalId({ ...id, stackSlug: other }))).toBe(
            'implicit-deny',
          );
        },
      ),
    );
  });

  it('plan only: read IDs, never write IDs', () => {
    fc.assert(
      fc.property(externalId, (id) => {
        const policy = parsed({
          variant: 'plan-only',
          accountName: id.accountName,
          platformAccountId: PLATFORM,
        });
        expect(decide(policy, formatExternalId({ ...id, phase: 'read' }))).toBe('allow');
        expect(decide(policy, formatExternalId({ ...id, phase: 'write' }))).toBe('implicit-deny');
      }),
    );
  });

  it('exact: that one ID, and no ID differing in any part', () => {
    fc.assert(
      fc.property(externalId, externalId, (id, other) => {
        const policy = parsed({
          variant: 'exact',
          accountName: id.accountName,
          platformAccountId: PLATFORM,
          integrationId: id.integrationId,
          stackSlugs: [id.stackSlug],
          phase: id.phase,
        });
        expect(decide(policy, formatExternalId(id))).toBe('allow');
        fc.pre(formatExternalId(other) !== formatExternalId(id));
        expect(decide(policy, formatExternalId(other))).toBe('implicit-deny');
      }),
    );
  });

  it('every variant refuses another AWS account and a call without external ID', () => {
    fc.assert(
      fc.property(externalId, fc.stringMatching(/^\d{12}$/), (id, account) => {
        fc.pre(account !== PLATFORM);
        const policy = parsed({
          variant: 'any-stack',
          accountName: id.accountName,
          platformAccountId: PLATFORM,
        });
        expect(decide(policy, formatExternalId(id), `arn:aws:iam::${account}:user/x`)).toBe(
          'implicit-deny',
        );
        expect(evaluateTrustPolicy(policy, { principalArn: CALLER }).decision).toBe(
          'implicit-deny',
        );
      }),
    );
  });
});
