import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy } from './evaluate.js';
import { allow, CUSTOMER, policyOf, PLATFORM, request } from './test-helpers.js';
import type { JsonValue } from './types.js';

const USER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;
const SESSION = `arn:aws:sts::${PLATFORM}:assumed-role/platform-role/run-1`;

// Principal forms of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
const rows: [name: string, principal: JsonValue, caller: string, expected: boolean][] = [
  ['account ID', { AWS: PLATFORM }, USER, true],
  ['account ID of another account', { AWS: CUSTOMER }, USER, false],
  ['account root ARN', { AWS: `arn:aws:iam::${PLATFORM}:root` }, USER, true],
  [
    'account root ARN covers role sessions',
    { AWS: `arn:aws:iam::${PLATFORM}:root` },
    SESSION,
    true,
  ],
  ['root ARN of another account', { AWS: `arn:aws:iam::${CUSTOMER}:root` }, USER, false],
  ['root ARN in another partition', { AWS: `arn:aws-cn:iam::${PLATFORM}:root` }, USER, false],
  ['user ARN', { AWS: USER }, USER, true],
  ['another user ARN', { AWS: `arn:aws:iam::${PLATFORM}:user/someone` }, USER, false],
  [
    'user ARN with a path',
    { AWS: `arn:aws:iam::${PLATFORM}:user/ci/rolebridge` },
    `arn:aws:iam::${PLATFORM}:user/ci/rolebridge`,
    true,
  ],
  [
    'role ARN covers its sessions',
    { AWS: `arn:aws:iam::${PLATFORM}:role/platform-role` },
    SESSION,
    true,
  ],
  [
    'role ARN with a path covers its sessions',
    { AWS: `arn:aws:iam::${PLATFORM}:role/team/platform-role` },
    SESSION,
    true,
  ],
  ['another role ARN', { AWS: `arn:aws:iam::${PLATFORM}:role/other` }, SESSION, false],
  [
    'role ARN does not cover a user',
    { AWS: `arn:aws:iam::${PLATFORM}:role/rolebridge` },
    USER,
    false,
  ],
  ['session ARN principal', { AWS: SESSION }, SESSION, true],
  [
    'session ARN principal, other session',
    { AWS: SESSION },
    `arn:aws:sts::${PLATFORM}:assumed-role/platform-role/run-2`,
    false,
  ],
  ['"*"', '*', USER, true],
  ['{"AWS": "*"}', { AWS: '*' }, USER, true],
  ['a list, one matching', { AWS: [CUSTOMER, PLATFORM] }, USER, true],
  ['a list, none matching', { AWS: [CUSTOMER, `arn:aws:iam::${CUSTOMER}:root`] }, USER, false],
  ['a service principal', { Service: 'ec2.amazonaws.com' }, USER, false],
  ['a deleted role (unique ID)', { AWS: 'AROAEXAMPLEEXAMPLE123' }, SESSION, false],
  [
    'GovCloud user in a GovCloud policy',
    { AWS: `arn:aws-us-gov:iam::${PLATFORM}:user/rolebridge` },
    `arn:aws-us-gov:iam::${PLATFORM}:user/rolebridge`,
    true,
  ],
];

describe('principal forms', () => {
  it.each(rows)('%s', (_name, principal, caller, expected) => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Principal: principal })),
      request({ principalArn: caller }),
    );
    expect(result.statements[0]?.principal.matched).toBe(expected);
    expect(result.decision).toBe(expected ? 'allow' : 'implicit-deny');
    expect(result.statements[0]?.principal.reason.length).toBeGreaterThan(10);
  });

  it('says which principals were trusted when the caller is not one', () => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Principal: { AWS: CUSTOMER } })),
      request(),
    );
    expect(result.statements[0]?.principal.reason).toContain(`"${CUSTOMER}"`);
    expect(result.statements[0]?.principal.reason).toContain(USER);
  });

  it('a same-account principal named by account also needs an identity policy', () => {
    const role = `arn:aws:iam::${PLATFORM}:role/target`;
    const byAccount = evaluateTrustPolicy(policyOf(allow()), request({ roleArn: role }));
    expect(byAccount.decision).toBe('allow');
    expect(byAccount.requiresIdentityPolicy).toBe(true);
    expect(byAccount.notes?.join(' ')).toMatch(/own IAM policy must also allow/);

    const byArn = evaluateTrustPolicy(
      policyOf(allow({ Principal: { AWS: USER } })),
      request({ roleArn: role }),
    );
    expect(byArn.requiresIdentityPolicy).toBeUndefined();
    const crossAccount = evaluateTrustPolicy(
      policyOf(allow()),
      request({ roleArn: `arn:aws:iam::${CUSTOMER}:role/target` }),
    );
    expect(crossAccount.requiresIdentityPolicy).toBeUndefined();
  });

  it('an account ID principal takes the role partition', () => {
    const cnCaller = `arn:aws-cn:iam::${PLATFORM}:user/rolebridge`;
    const result = evaluateTrustPolicy(
      policyOf(allow()),
      request({ principalArn: cnCaller, roleArn: `arn:aws-cn:iam::${CUSTOMER}:role/r` }),
    );
    expect(result.decision).toBe('allow');
  });
});
