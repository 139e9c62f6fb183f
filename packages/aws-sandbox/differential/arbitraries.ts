import fc from 'fast-check';
import { CUSTOMER, CUSTOMER_USER, HOP_ROLE, PLATFORM, PLATFORM_USER } from './callers.js';
import type { CallerKind } from './types.js';

// What the generated cases draw from. Values stay where the peer is known to follow AWS
// (ISO dates only, ARN values of five or six parts without variables, no /0 prefixes);
// the hand-written cases cover the rest with documented overrides.

const PAST = '2001-01-01T00:00:00Z';
const FUTURE = '2099-01-01T00:00:00Z';
const MID = '2020-06-01T12:00:00Z';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const values = <T>(pool: fc.Arbitrary<T>) => fc.array(pool, { minLength: 1, maxLength: 2 });
const suffixed = (ops: string[]) => pick(...ops, ...ops.map((o) => `${o}IfExists`));

const condition = fc.oneof(
  fc.record({
    op: suffixed([
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
    ]),
    key: pick(
      'sts:ExternalId',
      'sts:RoleSessionName',
      'sts:SourceIdentity',
      'aws:RequestTag/team',
      'aws:PrincipalTag/Team',
      'aws:username',
      'aws:userid',
      'aws:PrincipalAccount',
      'aws:PrincipalType',
      'aws:RequestedRegion',
      'aws:SourceIdentity',
    ),
    values: values(
      pick(
        'demo@a',
        'demo@*',
        'DEMO@A',
        'blue',
        'b*',
        'alice',
        'rolebridge',
        'AROA*',
        'AIDA*',
        'User',
        'AssumedRole',
        PLATFORM,
        CUSTOMER,
        'us-east-1',
        '*',
        '${aws:username}',
        'ci-?',
      ),
    ),
  }),
  fc.record({
    op: suffixed(['ArnLike', 'ArnNotLike', 'ArnEquals', 'ArnNotEquals']),
    key: pick('aws:PrincipalArn'),
    values: values(
      pick(
        PLATFORM_USER,
        CUSTOMER_USER,
        HOP_ROLE,
        `arn:aws:iam::${CUSTOMER}:role/hop`,
        'arn:aws:iam::*:user/*',
        'arn:aws:iam::*',
        'arn:*:iam::*:role/team/*',
        `arn:aws:iam::${PLATFORM}:user/rolebridg?`,
      ),
    ),
  }),
  fc.record({
    op: suffixed([
      'DateGreaterThan',
      'DateLessThan',
      'DateEquals',
      'DateNotEquals',
      'DateGreaterThanEquals',
      'DateLessThanEquals',
    ]),
    key: pick('aws:CurrentTime', 'aws:TokenIssueTime'),
    values: values(pick(PAST, FUTURE, MID, '2099-01-01')),
  }),
  fc.record({
    op: suffixed([
      'NumericGreaterThan',
      'NumericLessThan',
      'NumericEquals',
      'NumericNotEquals',
      'NumericLessThanEquals',
      'NumericGreaterThanEquals',
    ]),
    key: pick('aws:EpochTime', 'aws:MultiFactorAuthAge'),
    values: values(pick('1000000000', '4070908800', '3600', '0')),
  }),
  fc.record({
    op: suffixed(['IpAddress', 'NotIpAddress']),
    key: pick('aws:SourceIp'),
    values: values(
      pick('127.0.0.0/8', '10.0.0.0/8', '::1/128', '127.0.0.1', '127.0.0.0/16', '2001:db8::/32'),
    ),
  }),
  fc.record({
    op: pick('Bool', 'BoolIfExists'),
    key: pick(
      'aws:SecureTransport',
      'aws:MultiFactorAuthPresent',
      'aws:PrincipalIsAWSService',
      'aws:ViaAWSService',
    ),
    values: values(pick('true', 'false')),
  }),
  fc.record({
    op: pick('Null'),
    key: pick(
      'sts:ExternalId',
      'aws:RequestTag/team',
      'aws:TokenIssueTime',
      'sts:SourceIdentity',
      'aws:MultiFactorAuthPresent',
      'aws:username',
      'aws:SourceIdentity',
    ),
    values: fc.array(pick('true', 'false'), { minLength: 1, maxLength: 1 }),
  }),
  fc.record({
    op: pick(
      'ForAllValues:StringEquals',
      'ForAnyValue:StringLike',
      'ForAllValues:StringLike',
      'ForAnyValue:StringEquals',
      'StringEquals',
      'ForAnyValue:StringNotEquals',
    ),
    key: pick('aws:TagKeys', 'sts:TransitiveTagKeys'),
    values: values(pick('team', 'cost', 't*', 'Team')),
  }),
);

const statement = fc.record({
  Effect: pick('Allow', 'Allow', 'Allow', 'Deny'),
  Principal: pick<unknown>(
    { AWS: PLATFORM },
    { AWS: PLATFORM },
    { AWS: PLATFORM_USER },
    { AWS: CUSTOMER },
    { AWS: HOP_ROLE },
    '*',
    { AWS: [PLATFORM, HOP_ROLE] },
    { AWS: CUSTOMER_USER },
  ),
  Action: pick<unknown>(
    'sts:AssumeRole',
    ['sts:AssumeRole', 'sts:TagSession'],
    ['sts:AssumeRole', 'sts:SetSourceIdentity'],
    'sts:*',
    ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    'sts:Assume*',
  ),
  sid: pick(undefined, undefined, undefined, 'Ok', 'not ok'),
  conditions: fc.array(condition, { maxLength: 3 }),
});

const request = fc.record({
  caller: pick<CallerKind>(
    'user',
    'user',
    'user',
    'customer-user',
    'session',
    'session',
    'session-si',
    'root',
  ),
  externalId: pick(undefined, undefined, 'demo@a', 'demo@b', 'DEMO@A', 'other'),
  roleSessionName: pick('diff', 'rolebridge', 'ci-1'),
  tags: pick<Record<string, string> | undefined>(
    undefined,
    undefined,
    { team: 'blue' },
    { team: 'red', cost: 'x' },
    { Team: 'blue' },
  ),
  transitive: fc.boolean(),
  sourceIdentity: pick(undefined, undefined, undefined, 'alice'),
});

export const generated = fc.record({
  version: pick<string | undefined>(
    '2012-10-17',
    '2012-10-17',
    '2012-10-17',
    '2008-10-17',
    undefined,
  ),
  statements: fc.array(statement, { minLength: 1, maxLength: 3 }),
  request,
});

export type Generated = typeof generated extends fc.Arbitrary<infer T> ? T : never;
