import {
  analyzeTrustPolicy,
  authorizeAssumeRole,
  parseTrustPolicy,
  type AssumeRoleAction,
  type Decision,
  type RequestContext,
} from '@rolebridge/trust-policy';
import { SOURCE_IP, sentSourceIdentity, type CallerFacts } from './callers.js';
import type { CaseRequest, Outcome } from './types.js';

const MAX_LENGTH = 2048;

/** Our RequestContext for the request, the fields the sandbox fills from the real call. */
export function requestContext(
  caller: CallerFacts,
  request: CaseRequest,
  roleArn: string,
  now: number,
): RequestContext {
  const sourceIdentity = sentSourceIdentity(caller, request);
  return {
    principalArn: caller.arn,
    principalType: caller.type,
    ...(caller.type === 'AssumedRole' ? { principalRoleArn: caller.principalArn } : {}),
    userId: caller.userId,
    ...(caller.principalTags ? { principalTags: caller.principalTags } : {}),
    ...(caller.tokenIssueTime !== undefined ? { tokenIssueTime: caller.tokenIssueTime } : {}),
    ...(caller.sourceIdentity ? { callerSourceIdentity: caller.sourceIdentity } : {}),
    ...(request.externalId !== undefined ? { externalId: request.externalId } : {}),
    roleSessionName: request.roleSessionName ?? 'diff',
    sessionTags: request.tags ?? {},
    transitiveTagKeys: request.transitiveTagKeys ?? [],
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    sourceIp: SOURCE_IP,
    requestedRegion: 'us-east-1',
    now,
    roleArn,
  };
}

const outcome = (decision: Decision, action: AssumeRoleAction | undefined): Outcome =>
  decision === 'allow' ? 'allow' : `deny:${action ?? 'sts:AssumeRole'}`;

export function evaluatorOutcome(policyText: string, ctx: RequestContext): Outcome {
  const parsed = parseTrustPolicy(policyText, { maxLength: MAX_LENGTH });
  if (!parsed.ok) return 'malformed';
  const { decision, action } = authorizeAssumeRole(parsed.policy, ctx);
  return outcome(decision, action);
}

/** The analyzer answers for one external ID at a time; undefined without one. */
export function analyzerOutcome(policyText: string, ctx: RequestContext): Outcome | undefined {
  const { principalArn, externalId, roleArn, action: _action, ...context } = ctx;
  if (externalId === undefined) return undefined;
  const analysis = analyzeTrustPolicy({
    policy: policyText,
    externalIds: [externalId],
    principalArn,
    ...(roleArn ? { roleArn } : {}),
    maxLength: MAX_LENGTH,
    context,
  });
  const result = analysis.results[0];
  if (!analysis.valid || !result) return 'malformed';
  return outcome(result.decision, result.action);
}
