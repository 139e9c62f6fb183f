import { parseRoleArn, type Caller } from './arn.js';
import { actionMatches, compilePolicy, type CompiledStatement } from './compile.js';
import { evaluateCondition } from './conditions/condition.js';
import { makeEvalContext } from './context.js';
import { matchPrincipal, type PrincipalMatch } from './principal.js';
import type {
  ConditionExplanation,
  Decision,
  EvaluationResult,
  RequestContext,
  StatementExplanation,
  TrustPolicy,
} from './types.js';

/**
 * Decides an sts:AssumeRole call against a role's trust policy, the way IAM
 * does for the resource-policy half of the decision: any matching Deny wins,
 * otherwise any matching Allow allows, otherwise the call is implicitly denied.
 */
export function evaluateTrustPolicy(
  policy: TrustPolicy,
  request: RequestContext,
): EvaluationResult {
  const compiled = compilePolicy(policy);
  const ctx = makeEvalContext(request);
  const { caller } = ctx;
  const role = request.roleArn === undefined ? undefined : parseRoleArn(request.roleArn);
  const partition = role?.partition ?? caller.partition;
  const action = (request.action ?? 'sts:AssumeRole').toLowerCase();
  // "You cannot use AWS account root user credentials to call AssumeRole" (STS API reference).
  const rootRefusal =
    caller.type === 'Account'
      ? 'AWS never lets the account root user assume a role; call with an IAM user or role instead.'
      : undefined;

  const statements: StatementExplanation[] = [];
  let allowed = false;
  let denied = false;
  let viaAccount = false;
  for (const statement of compiled) {
    const principal: PrincipalMatch = rootRefusal
      ? { matched: false, viaAccount: false, reason: rootRefusal }
      : principalOf(statement, caller, partition);
    const actionMatched = actionMatches(statement, action);
    const conditions: ConditionExplanation[] = [];
    let conditionsMatched = true;
    for (const cc of statement.conditions) {
      const { matched, actual } = evaluateCondition(cc, ctx);
      conditionsMatched &&= matched;
      conditions.push({
        operator: cc.source.operator,
        key: cc.source.key,
        values: cc.source.values,
        actual: actual === undefined ? null : typeof actual === 'string' ? actual : [...actual],
        matched,
      });
    }
    const matched = principal.matched && actionMatched && conditionsMatched;
    const { sid, effect, index } = statement.source;
    statements.push({
      index,
      ...(sid !== undefined ? { sid } : {}),
      effect,
      principal: { matched: principal.matched, reason: principal.reason },
      action: { matched: actionMatched },
      conditions,
      matched,
    });
    if (!matched) continue;
    if (effect === 'Deny') denied = true;
    else {
      allowed = true;
      viaAccount ||= principal.viaAccount;
    }
  }

  const decision: Decision = denied ? 'explicit-deny' : allowed ? 'allow' : 'implicit-deny';
  const notes: string[] = [];
  if (rootRefusal) notes.push(rootRefusal);
  if (role && role.partition !== caller.partition) {
    notes.push(
      `The role is in partition "${role.partition}" and the caller in "${caller.partition}"; a role can only be assumed from its own partition.`,
    );
  }
  const sameAccount = role !== undefined && role.account === caller.account;
  const requiresIdentityPolicy = decision === 'allow' && sameAccount && viaAccount;
  if (requiresIdentityPolicy) {
    notes.push(
      `The policy trusts the account ${caller.account} rather than naming the caller, and the caller is in the same account as the role, so the caller's own IAM policy must also allow sts:AssumeRole on this role.`,
    );
  }
  const crossPartition = role !== undefined && role.partition !== caller.partition;
  return {
    decision: crossPartition && decision === 'allow' ? 'implicit-deny' : decision,
    statements,
    ...(notes.length ? { notes } : {}),
    ...(requiresIdentityPolicy ? { requiresIdentityPolicy } : {}),
  };
}

function principalOf(
  statement: CompiledStatement,
  caller: Caller,
  partition: string,
): PrincipalMatch {
  if (statement.principal) return matchPrincipal(statement.principal, caller, partition);
  if (statement.notPrincipal) {
    const inner = matchPrincipal(statement.notPrincipal, caller, partition);
    return {
      matched: !inner.matched,
      viaAccount: false,
      reason: `NotPrincipal (not allowed in trust policies): ${inner.reason}`,
    };
  }
  return { matched: false, viaAccount: false, reason: 'The statement names no principal.' };
}
