import { CUSTOMER, PLATFORM, PLATFORM_USER } from '../callers.js';
import type { CallerKind, Override } from '../types.js';
import { ext, FUTURE, OPERATORS, PAST, type CaseBook } from './book.js';

// The peer reads an epoch value as seconds and an ISO 8601 one as milliseconds.
const EPOCH: Omit<Override, 'expected'> = {
  doc: `${OPERATORS}#Conditions_Date`,
  why: 'Date values may be ISO 8601 or epoch (UNIX) time, and compare as the same instant.',
};

/** Every operator family, on keys an AssumeRole request carries. */
export function addOperatorCases(book: CaseBook): void {
  // String operators on sts:ExternalId and sts:RoleSessionName.
  book.when(
    'StringEquals matches',
    { StringEquals: { 'sts:ExternalId': 'demo@a' } },
    ext('demo@a'),
  );
  book.when(
    'StringEquals differs',
    { StringEquals: { 'sts:ExternalId': 'demo@a' } },
    ext('demo@b'),
  );
  book.when('StringEquals absent key', { StringEquals: { 'sts:ExternalId': 'demo@a' } });
  book.when('StringNotEquals absent key', { StringNotEquals: { 'sts:ExternalId': 'demo@a' } });
  book.when(
    'StringNotEquals equal',
    { StringNotEquals: { 'sts:ExternalId': 'demo@a' } },
    ext('demo@a'),
  );
  book.when(
    'StringEqualsIgnoreCase',
    { StringEqualsIgnoreCase: { 'sts:ExternalId': 'DEMO@A' } },
    ext('demo@a'),
  );
  book.when(
    'StringNotEqualsIgnoreCase',
    { StringNotEqualsIgnoreCase: { 'sts:ExternalId': 'DEMO@A' } },
    ext('demo@a'),
  );
  book.when(
    'StringEquals is case-sensitive',
    { StringEquals: { 'sts:ExternalId': 'DEMO@A' } },
    ext('demo@a'),
  );
  book.when('StringLike *', { StringLike: { 'sts:ExternalId': 'demo@*' } }, ext('demo@xyz'));
  book.when('StringLike ?', { StringLike: { 'sts:ExternalId': 'demo@?' } }, ext('demo@xy'));
  book.when('StringLike no match', { StringLike: { 'sts:ExternalId': 'demo@*' } }, ext('other@x'));
  book.when(
    'StringNotLike',
    { StringNotLike: { 'sts:ExternalId': ['demo@*', 'x*'] } },
    ext('other@x'),
  );
  book.when('StringEqualsIfExists absent', {
    StringEqualsIfExists: { 'sts:ExternalId': 'demo@a' },
  });
  book.when(
    'StringEqualsIfExists present',
    { StringEqualsIfExists: { 'sts:ExternalId': 'demo@a' } },
    ext('x@y'),
  );
  book.when(
    'OR across values',
    { StringEquals: { 'sts:ExternalId': ['demo@a', 'demo@b'] } },
    ext('demo@b'),
  );
  book.when(
    'AND across keys',
    { StringEquals: { 'sts:ExternalId': 'demo@a', 'sts:RoleSessionName': 'other' } },
    ext('demo@a'),
  );
  book.when('keys without case', { StringEquals: { 'STS:EXTERNALID': 'demo@a' } }, ext('demo@a'));
  book.when(
    'sts:RoleSessionName',
    { StringLike: { 'sts:RoleSessionName': 'ci-*' } },
    { request: { roleSessionName: 'ci-42' } },
  );

  // ARN operators: each of the six parts on its own.
  const arnCase = (name: string, op: string, value: string, caller: CallerKind = 'user') =>
    book.when(name, { [op]: { 'aws:PrincipalArn': value } }, { caller });
  arnCase('ArnLike user/*', 'ArnLike', `arn:aws:iam::${PLATFORM}:user/*`);
  arnCase('ArnLike * across colons', 'ArnLike', 'arn:aws:*/rolebridge');
  arnCase('ArnLike fewer parts', 'ArnLike', 'arn:aws:iam::*');
  arnCase('ArnNotLike fewer parts', 'ArnNotLike', 'arn:aws:iam::*');
  book.when(
    'ArnNotLike three parts',
    { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:*/rolebridge' } },
    {
      override: {
        expected: 'allow',
        doc: `${OPERATORS}#Conditions_ARN`,
        why: 'ArnNotLike is the negated form of ArnLike, which matches a value of fewer than six parts to nothing.',
      },
    },
  );
  arnCase('ArnLike every part wild', 'ArnLike', 'arn:*:*:*:*:*');
  arnCase('ArnEquals exact', 'ArnEquals', PLATFORM_USER);
  arnCase('ArnNotEquals other', 'ArnNotEquals', `arn:aws:iam::${PLATFORM}:user/other`);
  arnCase(
    'ArnLike role path for a session',
    'ArnLike',
    `arn:aws:iam::${CUSTOMER}:role/team/*`,
    'session',
  );
  book.when(
    'ArnLike with a variable in the account part',
    {
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:user/*' },
    },
    {
      // The peer splits the value at the colon inside ${aws:PrincipalAccount}.
      override: {
        expected: 'allow',
        doc: `${OPERATORS}#Conditions_ARN`,
        why: 'ARN condition operators support policy variables; the variable resolves to 111111111111.',
      },
    },
  );
  arnCase(
    'ArnEquals role without path',
    'ArnEquals',
    `arn:aws:iam::${CUSTOMER}:role/hop`,
    'session',
  );

  // Numeric, on aws:EpochTime and aws:MultiFactorAuthAge.
  for (const [op, value] of [
    ['NumericGreaterThan', '1000000000'],
    ['NumericLessThan', '1000000000'],
    ['NumericEquals', '1000000000'],
    ['NumericNotEquals', '1000000000'],
    ['NumericLessThanEquals', '4070908800'],
    ['NumericGreaterThanEquals', '4070908800'],
    ['NumericGreaterThan', 'abc'],
    ['NumericNotEquals', 'abc'],
  ] as const)
    book.when(`${op} ${value} on aws:EpochTime`, { [op]: { 'aws:EpochTime': value } });
  book.when('NumericLessThan absent', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } });
  book.when('NumericLessThanIfExists absent', {
    NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' },
  });

  // Date, on aws:CurrentTime, aws:EpochTime and aws:TokenIssueTime.
  for (const [op, value] of [
    ['DateGreaterThan', PAST],
    ['DateLessThan', PAST],
    ['DateGreaterThanEquals', FUTURE],
    ['DateLessThanEquals', '2099-01-01'],
    ['DateEquals', PAST],
    ['DateNotEquals', PAST],
    ['DateGreaterThan', 'yesterday'],
  ] as const)
    book.when(`${op} ${value} on aws:CurrentTime`, { [op]: { 'aws:CurrentTime': value } });
  book.when(
    'DateLessThan epoch on aws:CurrentTime',
    { DateLessThan: { 'aws:CurrentTime': '4070908800' } },
    {
      override: { expected: 'allow', ...EPOCH },
    },
  );
  book.when(
    'DateGreaterThan on aws:EpochTime',
    { DateGreaterThan: { 'aws:EpochTime': PAST } },
    {
      override: { expected: 'allow', ...EPOCH },
    },
  );
  book.when(
    'aws:TokenIssueTime of a session',
    { DateGreaterThan: { 'aws:TokenIssueTime': PAST } },
    { caller: 'session' },
  );
  book.when('aws:TokenIssueTime absent for a user', {
    DateGreaterThan: { 'aws:TokenIssueTime': PAST },
  });
  book.add(
    'Deny after a date that has passed',
    {},
    {
      extra: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Condition: { DateGreaterThan: { 'aws:CurrentTime': PAST } },
        },
      ],
    },
  );

  // IP addresses, on aws:SourceIp (127.0.0.1).
  for (const [op, value] of [
    ['IpAddress', '127.0.0.0/8'],
    ['IpAddress', '10.0.0.0/8'],
    ['IpAddress', '127.0.0.1'],
    ['IpAddress', '::1/128'],
    ['NotIpAddress', '10.0.0.0/8'],
    ['NotIpAddress', ['127.0.0.0/24', '10.0.0.0/8']],
  ] as const)
    book.when(`${op} ${String(value)}`, { [op]: { 'aws:SourceIp': value } });

  // The peer matches nothing against a /0 prefix.
  book.when(
    'IpAddress 0.0.0.0/0',
    { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
    {
      override: {
        expected: 'allow',
        doc: `${OPERATORS}#Conditions_IPAddress`,
        why: 'Values are standard CIDR blocks, and 0.0.0.0/0 holds every IPv4 address.',
      },
    },
  );

  // Bool, Null, Binary.
  book.when('Bool aws:SecureTransport true', { Bool: { 'aws:SecureTransport': 'true' } });
  book.when('Bool aws:SecureTransport false', { Bool: { 'aws:SecureTransport': 'false' } });
  book.when(
    'Bool MFA false for a session',
    { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
    { caller: 'session' },
  );
  book.when('Bool MFA absent for a user', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } });
  book.when('BoolIfExists MFA for a user', {
    BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' },
  });
  book.when('Bool aws:PrincipalIsAWSService', {
    Bool: { 'aws:PrincipalIsAWSService': 'false', 'aws:ViaAWSService': 'false' },
  });
  book.when('Null true on absent', { Null: { 'sts:ExternalId': 'true' } });
  book.when('Null false on present', { Null: { 'sts:ExternalId': 'false' } }, ext('demo@a'));
  book.when('Null true on present', { Null: { 'sts:ExternalId': 'true' } }, ext('demo@a'));
  book.when(
    'BinaryEquals on a string key',
    { BinaryEquals: { 'sts:ExternalId': 'ZGVtb0Bh' } },
    ext('demo@a'),
  );
}
