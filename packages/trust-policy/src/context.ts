import type { Caller } from './arn.js';
import type { RequestContext } from './types.js';

export interface EvalContext {
  caller: Caller;
  request: RequestContext;
  principalAccount: string;
  principalType: string;
}

/**
 * The request context of an sts:AssumeRole call as IAM builds it. Keys are
 * case-insensitive (callers pass them lowercased); an absent key is undefined,
 * which is not the same as an empty string.
 */
export function contextValue(ctx: EvalContext, keyLower: string): string | undefined {
  switch (keyLower) {
    case 'sts:externalid':
      return ctx.request.externalId;
    case 'sts:rolesessionname':
      return ctx.request.roleSessionName;
    case 'aws:principalarn':
      return ctx.caller.principalArn;
    case 'aws:principalaccount':
      return ctx.principalAccount || undefined;
    case 'aws:principaltype':
      return ctx.principalType;
    case 'aws:username':
      return ctx.caller.userName;
    case 'aws:principalisawsservice':
      return 'false';
    // STS is only reachable over TLS.
    case 'aws:securetransport':
      return 'true';
    default:
      return undefined;
  }
}

export const CONTEXT_KEYS = [
  'sts:ExternalId',
  'sts:RoleSessionName',
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:PrincipalType',
  'aws:username',
  'aws:PrincipalIsAWSService',
  'aws:SecureTransport',
];
