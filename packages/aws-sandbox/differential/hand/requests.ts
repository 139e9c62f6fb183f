import { CUSTOMER, HOP_ROLE, PLATFORM } from '../callers.js';
import type { Override } from '../types.js';
import { ext, tagged, TAGGING, type CaseBook, type Json, type Options } from './book.js';

const LITERAL_VARIABLE: Override = {
  expected: 'deny:sts:AssumeRole',
  doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  why: 'Without Version 2012-10-17, ${aws:username} is not a variable but literal text.',
};

/** Principal keys, role sessions, session tags, source identity, variables and the document. */
export function addRequestCases(book: CaseBook): void {
  // Principal keys.
  book.when('aws:PrincipalAccount', { StringEquals: { 'aws:PrincipalAccount': PLATFORM } });
  book.when('aws:PrincipalType User', { StringEquals: { 'aws:PrincipalType': 'User' } });
  book.when('aws:username', { StringEquals: { 'aws:username': 'rolebridge' } });
  book.when('aws:userid of a user', { StringEquals: { 'aws:userid': 'AIDAROLEBRIDGEPLATFRM' } });
  book.when('aws:RequestedRegion', { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } });
  const hop = (name: string, condition: Json, o: Options = {}) =>
    book.cases.push({
      name,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: HOP_ROLE },
            Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
            Condition: condition,
          },
        ],
      }),
      caller: o.caller ?? 'session',
      request: o.request ?? {},
    });
  hop('session: aws:PrincipalArn is the role with its path', {
    StringEquals: { 'aws:PrincipalArn': HOP_ROLE },
  });
  hop('session: aws:PrincipalType', { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } });
  hop('session: aws:userid', { StringLike: { 'aws:userid': 'AROA*:hop' } });
  hop('session: aws:username absent', { Null: { 'aws:username': 'true' } });
  hop('session: aws:PrincipalTag', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } });
  hop(
    'session: aws:SourceIdentity',
    { StringEquals: { 'aws:SourceIdentity': 'alice', 'sts:SourceIdentity': 'alice' } },
    { caller: 'session-si' },
  );
  book.when(
    'session without sts:SetSourceIdentity carries its identity',
    {},
    { caller: 'session-si' },
  );
  book.when(
    'aws:PrincipalOrgID is absent',
    { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
    { unclaimed: true },
  );
  book.when(
    'aws:PrincipalOrgID negated',
    { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc' } },
    { unclaimed: true },
  );

  // Session tags and source identity.
  book.when('tags without sts:TagSession', {}, tagged({ team: 'blue' }));
  book.add(
    'aws:RequestTag',
    { Action: TAGGING, Condition: { StringEquals: { 'aws:RequestTag/Team': 'blue' } } },
    tagged({ team: 'blue' }),
  );
  book.add(
    'aws:RequestTag other value',
    { Action: TAGGING, Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } },
    tagged({ team: 'red' }),
  );
  book.add(
    'ForAllValues aws:TagKeys',
    { Action: TAGGING, Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } },
    tagged({ team: 'a', cost: 'b' }),
  );
  book.add('ForAllValues absent', {
    Action: TAGGING,
    Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
  });
  book.add('ForAnyValue absent', {
    Action: TAGGING,
    Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } },
  });
  book.add(
    'ForAnyValue sts:TransitiveTagKeys',
    { Action: TAGGING, Condition: { 'ForAnyValue:StringLike': { 'sts:TransitiveTagKeys': 't*' } } },
    tagged({ team: 'a' }, ['team']),
  );
  book.add(
    'multivalued key without a set operator',
    { Action: TAGGING, Condition: { StringEquals: { 'aws:TagKeys': 'team' } } },
    tagged({ team: 'a' }),
  );
  book.when(
    'source identity without sts:SetSourceIdentity',
    {},
    { request: { sourceIdentity: 'bob' } },
  );
  book.add(
    'sts:SourceIdentity',
    {
      Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
      Condition: { StringEquals: { 'sts:SourceIdentity': 'bob' } },
    },
    { request: { sourceIdentity: 'bob' } },
  );
  book.add(
    'NotAction without sts:TagSession',
    { Action: undefined, NotAction: 'sts:TagSession' },
    tagged({ team: 'a' }),
  );
  book.add('sts:* covers tags', { Action: 'sts:*' }, tagged({ team: 'a' }));

  // Policy variables only under 2012-10-17.
  const variable = { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } };
  const asUser = { request: { roleSessionName: 'rolebridge' } };
  book.when('variable under 2012-10-17', variable, asUser);
  book.when('variable under 2008-10-17 is literal', variable, {
    ...asUser,
    version: '2008-10-17',
    override: LITERAL_VARIABLE,
  });
  book.when('variable without Version is literal', variable, {
    ...asUser,
    version: null,
    override: LITERAL_VARIABLE,
  });
  book.when(
    'variable default',
    { StringEquals: { 'sts:ExternalId': "${aws:SourceIdentity, 'none'}" } },
    ext('none'),
  );

  // Principals and the document itself.
  book.add(
    'Sid with a space',
    { Sid: 'allow platform' },
    {
      override: {
        expected: 'malformed',
        doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html',
        why: 'The Sid element supports ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9); IAM refuses others.',
      },
    },
  );
  book.add('Sid alphanumeric', { Sid: 'AllowPlatform1' });
  book.add(
    'root may not assume roles',
    { Principal: { AWS: CUSTOMER } },
    {
      caller: 'root',
      override: {
        expected: 'deny:sts:AssumeRole',
        doc: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
        why: '"You cannot use AWS account root user credentials to call AssumeRole"; STS answers AccessDenied.',
      },
    },
  );
  book.add(
    'same-account user through the account',
    { Principal: { AWS: CUSTOMER } },
    { caller: 'customer-user' },
  );
  book.add('Principal * for a session', { Principal: '*' }, { caller: 'session' });
  book.add('a user is not the other account', { Principal: { AWS: CUSTOMER } });
  book.add(
    'NotPrincipal',
    { Principal: undefined, NotPrincipal: { AWS: CUSTOMER } },
    {
      override: {
        expected: 'malformed',
        doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
        why: 'You cannot use the NotPrincipal element in an IAM identity-based policy nor in an IAM role trust policy.',
      },
    },
  );
  const longList = Array.from({ length: 120 }, (_, i) => `value-number-${i}`);
  book.add(
    'over 2048 characters',
    { Condition: { StringNotEquals: { 'sts:ExternalId': longList } } },
    {
      override: {
        expected: 'malformed',
        doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html',
        why: 'Role trust policy length: 2,048 characters (whitespace not counted) unless the quota is raised.',
      },
    },
  );
}
