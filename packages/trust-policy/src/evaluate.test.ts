import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy } from './evaluate.js';
import { allow, policyOf, PLATFORM, request, ROLE } from './test-helpers.js';

const EXT = { externalId: 'demo@01H@stack-a@read' };

describe('effects and actions', () => {
  const denyOther = {
    Effect: 'Deny',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { StringNotLike: { 'sts:ExternalId': 'demo@*' } },
  };

  it.each([
    [
      'explicit Deny wins over Allow',
      [allow(), { ...denyOther, Condition: {} }],
      EXT,
      'explicit-deny',
    ],
    ['a Deny whose condition fails does nothing', [allow(), denyOther], EXT, 'allow'],
    [
      'a Deny whose condition holds wins',
      [allow(), denyOther],
      { externalId: 'other@x' },
      'explicit-deny',
    ],
    ['no Allow is an implicit deny', [{ ...denyOther, Effect: 'Deny' }], EXT, 'implicit-deny'],
  ] as const)('%s', (_name, statements, ctx, decision) => {
    expect(evaluateTrustPolicy(policyOf([...statements]), request(ctx)).decision).toBe(decision);
  });

  it.each([
    ['sts:AssumeRole', true],
    ['STS:assumerole', true],
    ['sts:*', true],
    ['*', true],
    ['sts:Assume*', true],
    ['sts:AssumeRol?', true],
    ['sts:AssumeRoleWithSAML', false],
    ['sts:TagSession', false],
    ['s3:*', false],
  ])('Action %s matches sts:AssumeRole: %s', (action, expected) => {
    const result = evaluateTrustPolicy(policyOf(allow({ Action: action })), request());
    expect(result.statements[0]?.action.matched).toBe(expected);
    expect(result.decision).toBe(expected ? 'allow' : 'implicit-deny');
  });

  it('NotAction matches every action it does not list', () => {
    const notAction = {
      Effect: 'Allow',
      Principal: { AWS: PLATFORM },
      NotAction: 'sts:TagSession',
    };
    expect(evaluateTrustPolicy(policyOf(notAction), request()).decision).toBe('allow');
    expect(
      evaluateTrustPolicy(policyOf({ ...notAction, NotAction: 'sts:Assume*' }), request()).decision,
    ).toBe('implicit-deny');
  });

  it('evaluates a custom action', () => {
    expect(
      evaluateTrustPolicy(policyOf(allow()), request({ action: 'sts:TagSession' })).decision,
    ).toBe('implicit-deny');
  });

  it('the root user can never assume a role', () => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Principal: '*' })),
      request({ principalArn: `arn:aws:iam::${PLATFORM}:root` }),
    );
    expect(result.decision).toBe('implicit-deny');
    expect(result.statements[0]?.principal.reason).toMatch(/root user/);
  });

  it('refuses a caller from another partition than the role', () => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Principal: '*' })),
      request({ roleArn: `arn:aws-cn:iam::${PLATFORM}:role/r` }),
    );
    expect(result.decision).toBe('implicit-deny');
    expect(result.notes?.join(' ')).toMatch(/partition/);
  });

  it('keeps per-statement sids and indexes', () => {
    const result = evaluateTrustPolicy(
      policyOf([allow({ Sid: 'A' }), allow({ Sid: 'B', Action: 's3:*' })]),
      request(),
    );
    expect(result.statements.map((s) => [s.index, s.sid, s.matched])).toEqual([
      [0, 'A', true],
      [1, 'B', false],
    ]);
  });

  it('accepts a role ARN as the role being assumed without changing the verdict', () => {
    expect(evaluateTrustPolicy(policyOf(allow()), request({ roleArn: ROLE })).decision).toBe(
      'allow',
    );
  });
});
