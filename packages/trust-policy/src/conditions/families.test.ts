import { describe, expect, it } from 'vitest';
import { evaluateTrustPolicy } from '../evaluate.js';
import { allow, policyOf, PLATFORM, request } from '../test-helpers.js';
import type { JsonValue, RequestContext } from '../types.js';

// One table per operator family and context key, each row the outcome AWS documents.
type Row = [name: string, condition: JsonValue, ctx: Partial<RequestContext>, expected: boolean];

const decide = (condition: JsonValue, ctx: Partial<RequestContext>) =>
  evaluateTrustPolicy(policyOf(allow({ Condition: condition })), request(ctx)).decision;

function table(title: string, source: string, rows: Row[]): void {
  describe(`${title} (${source})`, () => {
    it.each(rows)('%s', (_name, condition, ctx, expected) => {
      expect(decide(condition, ctx)).toBe(expected ? 'allow' : 'implicit-deny');
    });
  });
}

const OPERATORS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const KEYS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html';
const ROLE = `arn:aws:iam::${PLATFORM}:role/ci/deployer`;
const SESSION = {
  principalArn: `arn:aws:sts::${PLATFORM}:assumed-role/deployer/run-1`,
  principalRoleArn: ROLE,
  userId: 'AROAEXAMPLEROLEID0001:run-1',
  tokenIssueTime: Date.UTC(2026, 0, 14, 23, 0, 0),
};
const NOW = { now: Date.UTC(2026, 0, 15, 0, 0, 0) };

table('ARN operators: each of the six parts on its own', `${OPERATORS}#Conditions_ARN`, [
  [
    'ArnLike, wildcard in the resource',
    { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:user/*` } },
    {},
    true,
  ],
  [
    'ArnLike, wildcard partition and account',
    { ArnLike: { 'aws:PrincipalArn': 'arn:*:iam::*:user/rolebridge' } },
    {},
    true,
  ],
  [
    'ArnLike, * does not cross colons (5 parts)',
    { ArnLike: { 'aws:PrincipalArn': 'arn:aws:*/rolebridge' } },
    {},
    false,
  ],
  [
    'ArnLike, "arn:aws:iam::*" has 5 parts and matches nothing',
    { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*' } },
    {},
    false,
  ],
  [
    'ArnLike, * in the service part is one part only',
    { ArnLike: { 'aws:PrincipalArn': `arn:aws:*:${PLATFORM}:user/rolebridge` } },
    {},
    false,
  ],
  [
    'ArnEquals takes wildcards like ArnLike',
    { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:user/rolebridg?` } },
    {},
    true,
  ],
  [
    'ArnNotLike, another resource',
    { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
    {},
    true,
  ],
  [
    'ArnNotLike, the caller',
    { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } },
    {},
    false,
  ],
  [
    'ArnNotEquals with a 5-part value holds: that value matches nothing',
    { ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::*' } },
    {},
    true,
  ],
  [
    'ArnLike on a key that is not an ARN',
    { ArnLike: { 'sts:ExternalId': '*:*:*:*:*:*' } },
    { externalId: 'demo@x' },
    false,
  ],
  [
    'ArnLike, a role session is its role with the path',
    { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:role/ci/*` } },
    SESSION,
    true,
  ],
]);

table('Numeric operators', `${OPERATORS}#Conditions_Numeric`, [
  [
    'NumericLessThan holds',
    { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
    { multiFactorAuthAge: 100 },
    true,
  ],
  [
    'NumericLessThan fails',
    { NumericLessThan: { 'aws:MultiFactorAuthAge': '60' } },
    { multiFactorAuthAge: 100 },
    false,
  ],
  [
    'NumericLessThanEquals at the bound, written 100.0',
    { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '100.0' } },
    { multiFactorAuthAge: 100 },
    true,
  ],
  [
    'NumericGreaterThan',
    { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '99' } },
    { multiFactorAuthAge: 100 },
    true,
  ],
  [
    'NumericGreaterThanEquals fails below',
    { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '101' } },
    { multiFactorAuthAge: 100 },
    false,
  ],
  [
    'NumericEquals, one of the values',
    { NumericEquals: { 'aws:MultiFactorAuthAge': ['1', '100'] } },
    { multiFactorAuthAge: 100 },
    true,
  ],
  [
    'NumericNotEquals, the same number',
    { NumericNotEquals: { 'aws:MultiFactorAuthAge': '100' } },
    { multiFactorAuthAge: 100 },
    false,
  ],
  [
    'NumericLessThan, key absent (no MFA)',
    { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
    {},
    false,
  ],
  [
    'NumericLessThanIfExists, key absent',
    { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } },
    {},
    true,
  ],
  [
    'NumericEquals on text that is no number',
    { NumericEquals: { 'sts:ExternalId': '1' } },
    { externalId: 'one' },
    false,
  ],
  [
    'NumericLessThan on aws:EpochTime',
    { NumericLessThan: { 'aws:EpochTime': '1800000000' } },
    NOW,
    true,
  ],
]);

table('Date operators (ISO 8601 and epoch seconds)', `${OPERATORS}#Conditions_Date`, [
  [
    'DateGreaterThan, ISO date-time',
    { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } },
    NOW,
    true,
  ],
  [
    'DateLessThan, ISO date only',
    { DateLessThan: { 'aws:CurrentTime': '2026-01-01' } },
    NOW,
    false,
  ],
  [
    'DateLessThan, epoch seconds in the future',
    { DateLessThan: { 'aws:EpochTime': '1800000000' } },
    NOW,
    true,
  ],
  [
    'DateGreaterThan, epoch against an ISO key',
    { DateGreaterThan: { 'aws:CurrentTime': '1767225600' } },
    NOW,
    true,
  ],
  [
    'DateEquals, the same instant',
    { DateEquals: { 'aws:CurrentTime': '2026-01-15T00:00:00Z' } },
    NOW,
    true,
  ],
  [
    'DateLessThan, offset honoured (+02:00)',
    { DateLessThan: { 'aws:CurrentTime': '2026-01-15T01:00:00+02:00' } },
    NOW,
    false,
  ],
  [
    'DateLessThanEquals, fractional seconds',
    { DateLessThanEquals: { 'aws:CurrentTime': '2026-01-15T00:00:00.000Z' } },
    NOW,
    true,
  ],
  [
    'DateGreaterThanEquals aws:TokenIssueTime',
    { DateGreaterThanEquals: { 'aws:TokenIssueTime': '2026-01-14T22:00:00Z' } },
    { ...SESSION, ...NOW },
    true,
  ],
  [
    'DateGreaterThan on a user (no token time)',
    { DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } },
    NOW,
    false,
  ],
  [
    'DateNotEquals, key absent',
    { DateNotEquals: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } },
    {},
    true,
  ],
  [
    'DateLessThan, a value that is no date',
    { DateLessThan: { 'aws:CurrentTime': 'next year' } },
    NOW,
    false,
  ],
  [
    'DateNotEquals, a value that is no date',
    { DateNotEquals: { 'aws:CurrentTime': 'next year' } },
    NOW,
    false,
  ],
]);

table('IP address operators (IPv4, IPv6, CIDR)', `${OPERATORS}#Conditions_IPAddress`, [
  [
    'IpAddress, inside a /24',
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { sourceIp: '203.0.113.7' },
    true,
  ],
  [
    'IpAddress, outside',
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { sourceIp: '198.51.100.1' },
    false,
  ],
  [
    'IpAddress, a plain address is a /32',
    { IpAddress: { 'aws:SourceIp': '203.0.113.7' } },
    { sourceIp: '203.0.113.7' },
    true,
  ],
  [
    'IpAddress, /0 covers all IPv4',
    { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
    { sourceIp: '127.0.0.1' },
    true,
  ],
  [
    'IpAddress, a /20 boundary',
    { IpAddress: { 'aws:SourceIp': '10.0.16.0/20' } },
    { sourceIp: '10.0.32.1' },
    false,
  ],
  [
    'NotIpAddress, outside',
    { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { sourceIp: '198.51.100.1' },
    true,
  ],
  [
    'NotIpAddress, inside one of the ranges',
    { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } },
    { sourceIp: '203.0.113.1' },
    false,
  ],
  [
    'IpAddress, IPv6 range',
    { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    { sourceIp: '2001:db8:1::5' },
    true,
  ],
  [
    'IpAddress, IPv6 outside',
    { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    { sourceIp: '2001:db9::1' },
    false,
  ],
  [
    'IpAddress, IPv4 caller and an IPv6 range',
    { IpAddress: { 'aws:SourceIp': '::/0' } },
    { sourceIp: '127.0.0.1' },
    false,
  ],
  [
    'NotIpAddress, IPv4 caller and an IPv6 range',
    { NotIpAddress: { 'aws:SourceIp': '2001:db8::/32' } },
    { sourceIp: '127.0.0.1' },
    true,
  ],
  ['IpAddress, key absent', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, {}, false],
  [
    'IpAddressIfExists, key absent',
    { IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } },
    {},
    true,
  ],
  ['NotIpAddress, key absent', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, {}, true],
  [
    'IpAddress, an invalid range matches nothing',
    { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } },
    { sourceIp: '10.0.0.1' },
    false,
  ],
]);

table('Binary and Bool operators', `${OPERATORS}#Conditions_BinaryEquals`, [
  [
    'BinaryEquals, the same base64',
    { BinaryEquals: { 'sts:ExternalId': 'ZGVtbw==' } },
    { externalId: 'ZGVtbw==' },
    true,
  ],
  [
    'BinaryEquals, other bytes',
    { BinaryEquals: { 'sts:ExternalId': 'ZGVtbw==' } },
    { externalId: 'ZGVtbx==' },
    false,
  ],
  [
    'Bool aws:SecureTransport (STS is TLS only)',
    { Bool: { 'aws:SecureTransport': 'true' } },
    {},
    true,
  ],
  ['Bool is case-insensitive', { Bool: { 'aws:SecureTransport': 'TRUE' } }, {}, true],
  [
    'Bool on text that is not a boolean',
    { Bool: { 'sts:ExternalId': 'true' } },
    { externalId: 'yes' },
    false,
  ],
  [
    'aws:MultiFactorAuthPresent is false for a role session',
    { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    SESSION,
    true,
  ],
  [
    'aws:MultiFactorAuthPresent is absent for long-term keys',
    { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    {},
    false,
  ],
  [
    'BoolIfExists passes the absent key',
    { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } },
    {},
    true,
  ],
]);

table('Role-session callers', `${KEYS}#condition-keys-principalarn`, [
  [
    'aws:PrincipalArn is the role with its path',
    { StringEquals: { 'aws:PrincipalArn': ROLE } },
    SESSION,
    true,
  ],
  ['aws:userid is role ID:session', { StringLike: { 'aws:userid': 'AROA*:run-1' } }, SESSION, true],
  [
    'aws:PrincipalType is AssumedRole',
    { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } },
    SESSION,
    true,
  ],
  [
    'aws:username is absent for a role session',
    { Null: { 'aws:username': 'true' } },
    SESSION,
    true,
  ],
  [
    'aws:PrincipalTag/* from the role and session',
    { StringEquals: { 'aws:PrincipalTag/team': 'platform' } },
    { ...SESSION, principalTags: { Team: 'platform' } },
    true,
  ],
  [
    'aws:PrincipalTag/* of a user',
    { StringEquals: { 'aws:PrincipalTag/Team': 'platform' } },
    { principalTags: { team: 'platform' } },
    true,
  ],
  ['aws:PrincipalTag absent', { StringEquals: { 'aws:PrincipalTag/Team': 'platform' } }, {}, false],
  [
    'aws:RequestedRegion',
    { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    { requestedRegion: 'eu-west-1' },
    true,
  ],
]);

table(
  'Session tags and source identity',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  [
    [
      'aws:RequestTag/<key>',
      { StringEquals: { 'aws:RequestTag/Project': 'blue' } },
      { sessionTags: { Project: 'blue' } },
      true,
    ],
    [
      'aws:RequestTag key names ignore case',
      { StringEquals: { 'aws:RequestTag/project': 'blue' } },
      { sessionTags: { Project: 'blue' } },
      true,
    ],
    [
      'aws:RequestTag values keep case',
      { StringEquals: { 'aws:RequestTag/Project': 'Blue' } },
      { sessionTags: { Project: 'blue' } },
      false,
    ],
    [
      'ForAllValues aws:TagKeys, a subset',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project', 'Team'] } },
      { sessionTags: { Project: 'a' } },
      true,
    ],
    [
      'ForAllValues aws:TagKeys, one key too many',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] } },
      { sessionTags: { Project: 'a', Cost: 'b' } },
      false,
    ],
    [
      'ForAllValues aws:TagKeys, no tags sent',
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['Project'] } },
      {},
      true,
    ],
    [
      'ForAnyValue aws:TagKeys, one matches',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Project'] } },
      { sessionTags: { Project: 'a', Cost: 'b' } },
      true,
    ],
    [
      'ForAnyValue aws:TagKeys, no tags sent',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['Project'] } },
      {},
      false,
    ],
    [
      'ForAnyValue:StringNotEquals, some other key',
      { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['Project'] } },
      { sessionTags: { Project: 'a', Cost: 'b' } },
      true,
    ],
    [
      'ForAllValues:StringNotEquals, a forbidden key sent',
      { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['Cost'] } },
      { sessionTags: { Project: 'a', Cost: 'b' } },
      false,
    ],
    [
      'a multivalued key without a set operator never matches',
      { StringEquals: { 'aws:TagKeys': 'Project' } },
      { sessionTags: { Project: 'a' } },
      false,
    ],
    [
      'aws:TagKeys compares key case',
      { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['project'] } },
      { sessionTags: { Project: 'a' } },
      false,
    ],
    [
      'sts:TransitiveTagKeys',
      { 'ForAnyValue:StringEquals': { 'sts:TransitiveTagKeys': 'Project' } },
      { sessionTags: { Project: 'a' }, transitiveTagKeys: ['Project'] },
      true,
    ],
    [
      'sts:SourceIdentity',
      { StringEquals: { 'sts:SourceIdentity': 'alice' } },
      { sourceIdentity: 'alice' },
      true,
    ],
    ['sts:SourceIdentity absent', { StringLike: { 'sts:SourceIdentity': '*' } }, {}, false],
    [
      'aws:SourceIdentity of the calling session',
      { StringEquals: { 'aws:SourceIdentity': 'alice' } },
      { ...SESSION, callerSourceIdentity: 'alice' },
      true,
    ],
  ],
);

// "If the key that you specify in a policy condition is not present in the request context,
// the values do not match" … negated operators, IfExists and ForAllValues are true instead.
table(
  'A key the request does not carry',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  [
    ['positive operator: false', { StringEquals: { 'aws:SourceIp': '10.0.0.1' } }, {}, false],
    ['negated operator: true', { StringNotEquals: { 'aws:SourceIp': '10.0.0.1' } }, {}, true],
    ['…IfExists: true', { StringEqualsIfExists: { 'aws:SourceIp': '10.0.0.1' } }, {}, true],
    ['ForAllValues: true', { 'ForAllValues:StringLike': { 'aws:SourceIp': '10.*' } }, {}, true],
    ['ForAnyValue: false', { 'ForAnyValue:StringLike': { 'aws:SourceIp': '*' } }, {}, false],
    [
      'ForAnyValue with a negated operator: false',
      { 'ForAnyValue:StringNotLike': { 'aws:SourceIp': 'x' } },
      {},
      false,
    ],
    ['Null true: true', { Null: { 'aws:SourceIp': 'true' } }, {}, true],
    [
      'an unknown key is absent too',
      { StringNotEquals: { 'aws:PrincipalOrgID': 'o-123' } },
      {},
      true,
    ],
  ],
);

table(
  'Policy variables in String and ARN operators',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  [
    [
      '${aws:PrincipalTag/team} in a value',
      { StringLike: { 'sts:ExternalId': 'demo@*@${aws:PrincipalTag/team}-*@*' } },
      { externalId: 'demo@x@blue-app@read', principalTags: { team: 'blue' } },
      true,
    ],
    [
      'a variable in an ARN part',
      { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:user/*' } },
      {},
      true,
    ],
    [
      'an unresolved variable fails a negated operator',
      { StringNotEquals: { 'sts:ExternalId': '${aws:PrincipalTag/none}' } },
      { externalId: 'x1' },
      false,
    ],
  ],
);

it('explains a multivalued key with every value sent', () => {
  const r = evaluateTrustPolicy(
    policyOf(allow({ Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } } })),
    request({ sessionTags: { a: '1', b: '2' } }),
  );
  expect(r.statements[0]?.conditions[0]?.actual).toEqual(['a', 'b']);
});
