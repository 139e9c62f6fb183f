import { parseCaller, type Caller } from './arn.js';
import type { RequestContext } from './types.js';

export interface EvalContext {
  caller: Caller;
  request: RequestContext;
  principalArn: string;
  principalAccount: string;
  principalType: string;
  /** Lowercased tag keys, built on first use: condition keys are case-insensitive. */
  requestTags?: Map<string, string>;
  principalTags?: Map<string, string>;
}

export function makeEvalContext(request: RequestContext): EvalContext {
  const caller = parseCaller(request.principalArn);
  return {
    caller,
    request,
    principalArn:
      caller.type === 'AssumedRole'
        ? (request.principalRoleArn ?? caller.principalArn)
        : caller.principalArn,
    principalAccount: request.principalAccount ?? caller.account,
    principalType: request.principalType ?? (caller.type === 'Role' ? 'AssumedRole' : caller.type),
  };
}

export type ContextValue = string | readonly string[] | undefined;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function lowerKeys(tags: Readonly<Record<string, string>> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tags ?? {})) out.set(k.toLowerCase(), v);
  return out;
}

const REQUEST_TAG = 'aws:requesttag/';
const PRINCIPAL_TAG = 'aws:principaltag/';

/**
 * The request context of an sts:AssumeRole call as IAM builds it. Keys are
 * case-insensitive (callers pass them lowercased); an absent key is undefined,
 * which is not the same as an empty string. Multivalued keys are arrays.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-sts
 */
export function contextValue(ctx: EvalContext, keyLower: string): ContextValue {
  const r = ctx.request;
  switch (keyLower) {
    case 'sts:externalid':
      return r.externalId;
    case 'sts:rolesessionname':
      return r.roleSessionName;
    case 'sts:sourceidentity':
      return r.sourceIdentity;
    case 'sts:transitivetagkeys':
      return r.transitiveTagKeys?.length ? r.transitiveTagKeys : undefined;
    case 'aws:tagkeys': {
      const keys = r.sessionTags ? Object.keys(r.sessionTags) : [];
      return keys.length ? keys : undefined;
    }
    case 'aws:principalarn':
      return ctx.principalArn;
    case 'aws:principalaccount':
      return ctx.principalAccount || undefined;
    case 'aws:principaltype':
      return ctx.principalType;
    case 'aws:username':
      return ctx.caller.userName;
    case 'aws:userid':
      return r.userId;
    case 'aws:sourceidentity':
      return r.callerSourceIdentity;
    case 'aws:principalisawsservice':
    case 'aws:viaawsservice':
      return 'false';
    case 'aws:securetransport':
      return String(r.secureTransport ?? true);
    case 'aws:currenttime':
      return r.now === undefined ? undefined : iso(r.now);
    case 'aws:epochtime':
      return r.now === undefined ? undefined : String(Math.floor(r.now / 1000));
    case 'aws:tokenissuetime':
      return r.tokenIssueTime === undefined ? undefined : iso(r.tokenIssueTime);
    // Absent for long-term keys; false for temporary credentials obtained without MFA.
    case 'aws:multifactorauthpresent':
      if (r.multiFactorAuthAge !== undefined) return 'true';
      return temporary(ctx) ? 'false' : undefined;
    case 'aws:multifactorauthage':
      return r.multiFactorAuthAge === undefined ? undefined : String(r.multiFactorAuthAge);
    case 'aws:sourceip':
      return r.sourceIp;
    case 'aws:requestedregion':
      return r.requestedRegion;
    default:
      return tagValue(ctx, keyLower);
  }
}

const temporary = (ctx: EvalContext): boolean =>
  ctx.principalType === 'AssumedRole' ||
  ctx.principalType === 'FederatedUser' ||
  ctx.request.tokenIssueTime !== undefined;

function tagValue(ctx: EvalContext, keyLower: string): string | undefined {
  if (keyLower.startsWith(REQUEST_TAG)) {
    ctx.requestTags ??= lowerKeys(ctx.request.sessionTags);
    return ctx.requestTags.get(keyLower.slice(REQUEST_TAG.length));
  }
  if (keyLower.startsWith(PRINCIPAL_TAG)) {
    ctx.principalTags ??= lowerKeys(ctx.request.principalTags);
    return ctx.principalTags.get(keyLower.slice(PRINCIPAL_TAG.length));
  }
  return undefined;
}

/** Keys this evaluator knows; the analyzer warns about any other (it is absent from the request). */
export const CONTEXT_KEYS = [
  'sts:ExternalId',
  'sts:RoleSessionName',
  'sts:SourceIdentity',
  'sts:TransitiveTagKeys',
  'aws:TagKeys',
  'aws:PrincipalArn',
  'aws:PrincipalAccount',
  'aws:PrincipalType',
  'aws:username',
  'aws:userid',
  'aws:SourceIdentity',
  'aws:PrincipalIsAWSService',
  'aws:ViaAWSService',
  'aws:SecureTransport',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:TokenIssueTime',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:SourceIp',
  'aws:RequestedRegion',
];

/** Key prefixes whose suffix is a tag key. */
export const TAG_KEY_PREFIXES = ['aws:RequestTag/', 'aws:PrincipalTag/'];
