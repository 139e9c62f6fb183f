import type { CallerKind, CaseRequest } from './types.js';

export const PLATFORM = '111111111111';
export const CUSTOMER = '222222222222';
export const PLATFORM_USER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;
export const CUSTOMER_USER = `arn:aws:iam::${CUSTOMER}:user/admin`;
export const CUSTOMER_ROOT = `arn:aws:iam::${CUSTOMER}:root`;
/** A role with a path and tags whose sessions call AssumeRole again (role chaining). */
export const HOP_ROLE = `arn:aws:iam::${CUSTOMER}:role/team/hop`;
export const HOP_TAGS: Record<string, string> = { Team: 'blue', Project: 'atlas' };
export const CALLER_SOURCE_IDENTITY = 'alice';
export const SOURCE_IP = '127.0.0.1';

/** What a caller is, as the sandbox reports it after the hop sessions were made. */
export interface CallerFacts {
  kind: CallerKind;
  /** The ARN STS names in AccessDenied (a session ARN for role sessions). */
  arn: string;
  type: 'User' | 'AssumedRole' | 'Account';
  account: string;
  /** aws:PrincipalArn: a role session's role with its path. */
  principalArn: string;
  userId: string;
  userName?: string;
  principalTags?: Record<string, string>;
  tokenIssueTime?: number;
  /** aws:SourceIdentity, sent again as sts:SourceIdentity on every role the session assumes. */
  sourceIdentity?: string;
}

export const sessionArn = (session: string) =>
  `arn:aws:sts::${CUSTOMER}:assumed-role/hop/${session}`;

/** The source identity an AssumeRole carries: the one sent, or the calling session's. */
export const sentSourceIdentity = (caller: CallerFacts, request: CaseRequest) =>
  request.sourceIdentity ?? caller.sourceIdentity;
