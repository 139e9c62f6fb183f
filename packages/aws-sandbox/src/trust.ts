import { authorizeAssumeRole, parseTrustPolicy } from '@rolebridge/trust-policy';
import type { AssumeRoleAction, ParseResult, TrustPolicy } from '@rolebridge/trust-policy';
import type { Identity } from './identity.js';

// The sandbox's only door to trust-policy semantics: parsing and the allow/deny decision
// both come from @rolebridge/trust-policy, the same code the console's analyzer uses.

export type { TrustPolicy };
export type PolicyParse = ParseResult;

export interface AssumeRequest {
  caller: Identity;
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  sessionTags: Readonly<Record<string, string>>;
  transitiveTagKeys: readonly string[];
  sourceIdentity?: string;
  sourceIp?: string;
  region: string;
  now: number;
}

// IAM's default quota for a role trust policy (white space not counted).
export const TRUST_POLICY_QUOTA = 2048;

export function parsePolicy(text: string): PolicyParse {
  return parseTrustPolicy(text, { maxLength: TRUST_POLICY_QUOTA });
}

/** undefined when allowed; otherwise the action AWS names in its AccessDenied message. */
export function refusedAction(
  policy: TrustPolicy,
  request: AssumeRequest,
): AssumeRoleAction | undefined {
  const { caller } = request;
  const result = authorizeAssumeRole(policy, {
    principalArn: caller.arn,
    principalAccount: caller.account,
    principalType: caller.type,
    principalRoleArn: caller.principalArn,
    userId: caller.userId,
    ...(caller.tags && { principalTags: caller.tags }),
    ...(caller.issuedAt !== undefined && { tokenIssueTime: caller.issuedAt }),
    ...(caller.sourceIdentity !== undefined && { callerSourceIdentity: caller.sourceIdentity }),
    roleSessionName: request.roleSessionName,
    roleArn: request.roleArn,
    sessionTags: request.sessionTags,
    transitiveTagKeys: request.transitiveTagKeys,
    ...(request.sourceIdentity !== undefined && { sourceIdentity: request.sourceIdentity }),
    ...(request.sourceIp !== undefined && { sourceIp: request.sourceIp }),
    ...(request.externalId !== undefined && { externalId: request.externalId }),
    requestedRegion: request.region,
    now: request.now,
  });
  return result.decision === 'allow' ? undefined : result.action;
}
