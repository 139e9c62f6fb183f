import { evaluateTrustPolicy, parseTrustPolicy } from '@rolebridge/trust-policy';
import type { ParseResult, TrustPolicy } from '@rolebridge/trust-policy';
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
}

// IAM's default quota for a role trust policy (white space not counted).
export const TRUST_POLICY_QUOTA = 2048;

export function parsePolicy(text: string): PolicyParse {
  return parseTrustPolicy(text, { maxLength: TRUST_POLICY_QUOTA });
}

export function isAssumeAllowed(policy: TrustPolicy, request: AssumeRequest): boolean {
  const result = evaluateTrustPolicy(policy, {
    principalArn: request.caller.arn,
    principalAccount: request.caller.account,
    principalType: request.caller.type,
    roleSessionName: request.roleSessionName,
    roleArn: request.roleArn,
    action: 'sts:AssumeRole',
    ...(request.externalId === undefined ? {} : { externalId: request.externalId }),
  });
  return result.decision === 'allow';
}
