import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy } from '../evaluate.js';
import { allow, CALLER, policyOf, PLATFORM, request } from '../test-helpers.js';
import type { JsonValue, RequestContext } from '../types.js';

type Row = [name: string, condition: JsonValue, ctx: Partial<RequestContext>, expected: boolean];

const EXT = { externalId: 'demo@01H@stack-a@read' };
const NO_EXT = {};

// Each operator with both outcomes; semantics from
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
const conditionRows: Row[] = [
  [
    'StringEquals matches exactly',
    { StringEquals: { 'sts:ExternalId': 'demo@01H@stack-a@read' } },
    EXT,
    true,
  ],
  [
    'StringEquals is case-sensitive',
    { StringEquals: { 'sts:ExternalId': 'DEMO@01H@stack-a@read' } },
    EXT,
    false,
  ],
  ['StringEquals takes * literally', { StringEquals: { 'sts:ExternalId': 'demo@*' } }, EXT, false],
  [
    'StringEquals: values are OR-ed',
    { StringEquals: { 'sts:ExternalId': ['x', 'demo@01H@stack-a@read'] } },
    EXT,
    true,
  ],
  [
    'StringEquals: missing key is false',
    { StringEquals: { 'sts:ExternalId': 'x' } },
    NO_EXT,
    false,
  ],
  [
    'StringNotEquals passes another value',
    { StringNotEquals: { 'sts:ExternalId': 'x' } },
    EXT,
    true,
  ],
  [
    'StringNotEquals fails the same value',
    { StringNotEquals: { 'sts:ExternalId': 'demo@01H@stack-a@read' } },
    EXT,
    false,
  ],
  [
    'StringNotEquals: values are NOR-ed',
    { StringNotEquals: { 'sts:ExternalId': ['x', 'demo@01H@stack-a@read'] } },
    EXT,
    false,
  ],
  [
    'StringNotEquals: missing key is true',
    { StringNotEquals: { 'sts:ExternalId': 'x' } },
    NO_EXT,
    true,
  ],
  [
    'StringEqualsIgnoreCase ignores case',
    { StringEqualsIgnoreCase: { 'sts:ExternalId': 'DEMO@01h@STACK-A@read' } },
    EXT,
    true,
  ],
  [
    'StringEqualsIgnoreCase still compares',
    { StringEqualsIgnoreCase: { 'sts:ExternalId': 'demo@01H@stack-b@read' } },
    EXT,
    false,
  ],
  [
    'StringNotEqualsIgnoreCase fails on a case variant',
    { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'DEMO@01H@STACK-A@READ' } },
    EXT,
    false,
  ],
  [
    'StringNotEqualsIgnoreCase passes another value',
    { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'other' } },
    EXT,
    true,
  ],
  ['StringLike * matches any run', { StringLike: { 'sts:ExternalId': 'demo@*' } }, EXT, true],
  [
    'StringLike * in the middle',
    { StringLike: { 'sts:ExternalId': 'demo@*@stack-a@*' } },
    EXT,
    true,
  ],
  ['StringLike other stack', { StringLike: { 'sts:ExternalId': 'demo@*@stack-b@*' } }, EXT, false],
  [
    'StringLike ? matches one character',
    { StringLike: { 'sts:ExternalId': 'demo@01?@stack-a@read' } },
    EXT,
    true,
  ],
  [
    'StringLike ? never matches zero characters',
    { StringLike: { 'sts:ExternalId': 'demo@01H?@stack-a@read' } },
    EXT,
    false,
  ],
  ['StringLike is case-sensitive', { StringLike: { 'sts:ExternalId': 'Demo@*' } }, EXT, false],
  [
    'StringLike without wildcard is whole-string',
    { StringLike: { 'sts:ExternalId': 'demo' } },
    EXT,
    false,
  ],
  ['StringLike: missing key is false', { StringLike: { 'sts:ExternalId': '*' } }, NO_EXT, false],
  [
    'StringNotLike passes a non-match',
    { StringNotLike: { 'sts:ExternalId': 'other@*' } },
    EXT,
    true,
  ],
  [
    'StringNotLike fails a match',
    { StringNotLike: { 'sts:ExternalId': ['other@*', 'demo@*'] } },
    EXT,
    false,
  ],
  [
    'StringNotLike: missing key is true',
    { StringNotLike: { 'sts:ExternalId': 'demo@*' } },
    NO_EXT,
    true,
  ],
  [
    'StringLikeIfExists: missing key passes',
    { StringLikeIfExists: { 'sts:ExternalId': 'demo@*' } },
    NO_EXT,
    true,
  ],
  [
    'StringLikeIfExists: present key is tested',
    { StringLikeIfExists: { 'sts:ExternalId': 'other@*' } },
    EXT,
    false,
  ],
  [
    'StringEqualsIfExists: present and equal',
    { StringEqualsIfExists: { 'sts:ExternalId': 'demo@01H@stack-a@read' } },
    EXT,
    true,
  ],
  ['Null true: key absent', { Null: { 'sts:ExternalId': 'true' } }, NO_EXT, true],
  ['Null true: key present', { Null: { 'sts:ExternalId': 'true' } }, EXT, false],
  ['Null false: key present', { Null: { 'sts:ExternalId': 'false' } }, EXT, true],
  ['Null false: key absent', { Null: { 'sts:ExternalId': false } }, NO_EXT, false],
  [
    'ForAnyValue:StringLike on a present key',
    { 'ForAnyValue:StringLike': { 'sts:ExternalId': 'demo@*' } },
    EXT,
    true,
  ],
  [
    'ForAnyValue:StringLike on a missing key',
    { 'ForAnyValue:StringLike': { 'sts:ExternalId': 'demo@*' } },
    NO_EXT,
    false,
  ],
  [
    'ForAllValues:StringEquals on a missing key is vacuously true',
    { 'ForAllValues:StringEquals': { 'sts:ExternalId': 'x' } },
    NO_EXT,
    true,
  ],
  [
    'ForAllValues:StringEquals on a non-matching value',
    { 'ForAllValues:StringEquals': { 'sts:ExternalId': 'x' } },
    EXT,
    false,
  ],
  ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, NO_EXT, true],
  ['Bool false', { Bool: { 'aws:SecureTransport': false } }, NO_EXT, false],
  ['Bool on an absent key', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, NO_EXT, false],
  ['keys are case-insensitive', { StringLike: { 'STS:EXTERNALID': 'demo@*' } }, EXT, true],
  [
    'AND across keys',
    { StringLike: { 'sts:ExternalId': 'demo@*', 'sts:RoleSessionName': 'run-*' } },
    { ...EXT, roleSessionName: 'run-1' },
    true,
  ],
  [
    'AND across keys, one fails',
    { StringLike: { 'sts:ExternalId': 'demo@*', 'sts:RoleSessionName': 'run-*' } },
    { ...EXT, roleSessionName: 'x' },
    false,
  ],
  [
    'AND across operators, one fails',
    {
      StringLike: { 'sts:ExternalId': 'demo@*' },
      StringEquals: { 'aws:PrincipalType': 'AssumedRole' },
    },
    EXT,
    false,
  ],
  ['aws:PrincipalArn of the caller', { ArnEquals: { 'aws:PrincipalArn': CALLER } }, NO_EXT, true],
  [
    'aws:PrincipalArn of a role session is the role',
    { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:role/ci-*` } },
    { principalArn: `arn:aws:sts::${PLATFORM}:assumed-role/ci-runner/s1` },
    true,
  ],
  ['aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': PLATFORM } }, NO_EXT, true],
  [
    'aws:PrincipalAccount of another',
    { StringEquals: { 'aws:PrincipalAccount': '999999999999' } },
    NO_EXT,
    false,
  ],
  ['aws:PrincipalType of a user', { StringEquals: { 'aws:PrincipalType': 'User' } }, NO_EXT, true],
  [
    'sts:RoleSessionName',
    { StringLike: { 'sts:RoleSessionName': 'rolebridge-*' } },
    { roleSessionName: 'rolebridge-42' },
    true,
  ],
  [
    'policy variable resolves',
    { StringEquals: { 'aws:PrincipalAccount': '${aws:PrincipalAccount}' } },
    NO_EXT,
    true,
  ],
  [
    'aws:username variable of an IAM user',
    { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } },
    { roleSessionName: 'rolebridge' },
    true,
  ],
  [
    '${*} is a literal star',
    { StringLike: { 'sts:ExternalId': 'a${*}b' } },
    { externalId: 'a*b' },
    true,
  ],
  [
    '${*} is not a wildcard',
    { StringLike: { 'sts:ExternalId': 'a${*}b' } },
    { externalId: 'axxb' },
    false,
  ],
  [
    'unresolvable variable matches nothing',
    { StringEquals: { 'sts:ExternalId': '${aws:SourceVpc}' } },
    { externalId: '${aws:SourceVpc}' },
    false,
  ],
  [
    'unresolvable variable uses its default',
    { StringEquals: { 'sts:ExternalId': "${aws:SourceVpc, 'none'}" } },
    { externalId: 'none' },
    true,
  ],
];

describe('conditions (AWS semantics)', () => {
  it.each(conditionRows)('%s', (_name, condition, ctx, expected) => {
    const result = evaluateTrustPolicy(policyOf(allow({ Condition: condition })), request(ctx));
    expect(result.decision).toBe(expected ? 'allow' : 'implicit-deny');
    expect(result.statements[0]?.conditions.every((c) => typeof c.matched === 'boolean')).toBe(
      true,
    );
  });

  it('substitutes policy variables only under Version 2012-10-17', () => {
    const condition = { StringEquals: { 'aws:PrincipalAccount': '${aws:PrincipalAccount}' } };
    expect(
      evaluateTrustPolicy(policyOf(allow({ Condition: condition }), '2008-10-17'), request())
        .decision,
    ).toBe('implicit-deny');
    expect(
      evaluateTrustPolicy(policyOf(allow({ Condition: condition }), null), request()).decision,
    ).toBe('implicit-deny');
  });

  it('explains each condition with the value sent and the pattern', () => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Condition: { StringLike: { 'sts:ExternalId': 'demo@*@stack-b@*' } } })),
      request(EXT),
    );
    expect(result.statements[0]?.conditions).toEqual([
      {
        operator: 'StringLike',
        key: 'sts:ExternalId',
        values: ['demo@*@stack-b@*'],
        actual: EXT.externalId,
        matched: false,
      },
    ]);
  });

  it('reports a key that was not sent as null', () => {
    const result = evaluateTrustPolicy(
      policyOf(allow({ Condition: { StringLike: { 'sts:ExternalId': '*' } } })),
      request(),
    );
    expect(result.statements[0]?.conditions[0]?.actual).toBeNull();
  });
});
