// The peer: @cloud-copilot/iam-simulate (AGPL-3.0-or-later). A dev dependency used only by
// this differential harness; eslint forbids importing it anywhere else (decision 009).
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { SOURCE_IP, sentSourceIdentity, type CallerFacts } from './callers.js';
import type { CaseRequest, Outcome } from './types.js';

const ALLOW_ALL = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The request context of an AssumeRole as AWS documents it, written out for the peer
 * (it fills no key itself). Built from the caller and the request, not from our own
 * context code, so a mistake there shows up as a disagreement.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-sts
 */
export function peerContext(
  caller: CallerFacts,
  request: CaseRequest,
  now: number,
): Record<string, string | string[]> {
  const ctx: Record<string, string | string[]> = {
    'aws:PrincipalArn': caller.principalArn,
    'aws:PrincipalAccount': caller.account,
    'aws:PrincipalType': caller.type,
    'aws:userid': caller.userId,
    'aws:PrincipalIsAWSService': 'false',
    'aws:ViaAWSService': 'false',
    'aws:SecureTransport': 'true',
    'aws:SourceIp': SOURCE_IP,
    'aws:CurrentTime': isoSeconds(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:RequestedRegion': 'us-east-1',
    'sts:RoleSessionName': request.roleSessionName ?? 'diff',
  };
  if (caller.userName) ctx['aws:username'] = caller.userName;
  for (const [k, v] of Object.entries(caller.principalTags ?? {})) ctx[`aws:PrincipalTag/${k}`] = v;
  // "aws:MultiFactorAuthPresent … is not present when an IAM user uses long-term keys."
  if (caller.tokenIssueTime !== undefined) {
    ctx['aws:TokenIssueTime'] = isoSeconds(caller.tokenIssueTime);
    ctx['aws:MultiFactorAuthPresent'] = 'false';
  }
  if (caller.sourceIdentity) ctx['aws:SourceIdentity'] = caller.sourceIdentity;
  const sourceIdentity = sentSourceIdentity(caller, request);
  if (sourceIdentity !== undefined) ctx['sts:SourceIdentity'] = sourceIdentity;
  if (request.externalId !== undefined) ctx['sts:ExternalId'] = request.externalId;
  const tags = Object.entries(request.tags ?? {});
  for (const [k, v] of tags) ctx[`aws:RequestTag/${k}`] = v;
  if (tags.length) ctx['aws:TagKeys'] = tags.map(([k]) => k);
  if (request.transitiveTagKeys?.length) ctx['sts:TransitiveTagKeys'] = request.transitiveTagKeys;
  return ctx;
}

/**
 * Every action one AssumeRole needs, as AWS documents them: tags need sts:TagSession, a
 * source identity sts:SetSourceIdentity; the first one refused is the one STS names.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */
export function actionsFor(caller: CallerFacts, request: CaseRequest): string[] {
  const actions = ['sts:AssumeRole'];
  if (Object.keys(request.tags ?? {}).length || request.transitiveTagKeys?.length)
    actions.push('sts:TagSession');
  if (sentSourceIdentity(caller, request) !== undefined) actions.push('sts:SetSourceIdentity');
  return actions;
}

export interface PeerAnswer {
  outcome: Outcome;
  /**
   * Keys the peer left out of an action's context because the Service Authorization
   * Reference does not list them for that action (sts:ExternalId for sts:TagSession, …).
   */
  dropped: string[];
}

/** The peer's answer: an allow-all identity policy, the trust policy as the role's resource policy. */
export async function peerOutcome(
  policyText: string,
  roleArn: string,
  caller: CallerFacts,
  request: CaseRequest,
  now: number,
): Promise<PeerAnswer> {
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return { outcome: 'malformed', dropped: [] };
  }
  const dropped = new Set<string>();
  const contextVariables = peerContext(caller, request, now);
  for (const action of actionsFor(caller, request)) {
    const answer = await runSimulation(
      {
        request: {
          principal: caller.arn,
          action,
          resource: { resource: roleArn, accountId: roleArn.split(':')[4] ?? '' },
          contextVariables,
        },
        identityPolicies: [{ name: 'allow-all', policy: ALLOW_ALL }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: policy,
      },
      {},
    );
    if (answer.resultType === 'error') return { outcome: 'malformed', dropped: [] };
    if (answer.resultType === 'single')
      for (const key of answer.result.ignoredContextKeys ?? []) dropped.add(key);
    if (answer.overallResult !== 'Allowed')
      return { outcome: `deny:${action}` as Outcome, dropped: [...dropped] };
  }
  return { outcome: 'allow', dropped: [...dropped] };
}
