import { evaluateTrustPolicy } from './evaluate.js';
import type { Decision, EvaluationResult, RequestContext, TrustPolicy } from './types.js';

export type AssumeRoleAction = 'sts:AssumeRole' | 'sts:TagSession' | 'sts:SetSourceIdentity';

export interface AssumeRoleDecision {
  decision: Decision;
  /** The action AWS names in its AccessDenied message: the first one the policy refuses. */
  action: AssumeRoleAction;
  /** The explanation for that action (sts:AssumeRole's when every action is allowed). */
  result: EvaluationResult;
}

/**
 * The actions one AssumeRole request needs from the trust policy: session tags need
 * sts:TagSession, a source identity sts:SetSourceIdentity, each evaluated with the
 * same request context.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */
export function requiredActions(request: RequestContext): AssumeRoleAction[] {
  const actions: AssumeRoleAction[] = ['sts:AssumeRole'];
  const tags = request.sessionTags !== undefined && Object.keys(request.sessionTags).length > 0;
  if (tags || (request.transitiveTagKeys?.length ?? 0) > 0) actions.push('sts:TagSession');
  if (request.sourceIdentity !== undefined) actions.push('sts:SetSourceIdentity');
  return actions;
}

export function authorizeAssumeRole(
  policy: TrustPolicy,
  request: RequestContext,
): AssumeRoleDecision {
  let first: EvaluationResult | undefined;
  for (const action of requiredActions(request)) {
    const result = evaluateTrustPolicy(policy, { ...request, action });
    first ??= result;
    if (result.decision !== 'allow') return { decision: result.decision, action, result };
  }
  return { decision: 'allow', action: 'sts:AssumeRole', result: first as EvaluationResult };
}
