import { parseExternalId } from '../external-id.js';
import type { TrustPolicy } from '../types.js';
import {
  coversAssumeRole,
  isExternalIdCondition,
  isPositiveTest,
  patternParts,
  quoteList,
  wildcardInEquals,
} from './facts.js';
import type { AnalysisSetup, ExternalIdResult, Finding } from './types.js';

type Cause =
  'principal' | 'wildcard' | 'account' | 'stack' | 'phase' | 'integration' | 'explicit' | 'other';

/** Turns the denied external IDs into one plain-words finding per cause. */
export function denialFindings(
  policy: TrustPolicy,
  results: ExternalIdResult[],
  setup: AnalysisSetup,
): Finding[] {
  const byCause = new Map<Cause, string[]>();
  for (const r of results) {
    if (r.decision === 'allow') continue;
    const cause = r.decision === 'explicit-deny' ? 'explicit' : causeOf(policy, r, setup);
    byCause.set(cause, [...(byCause.get(cause) ?? []), r.externalId]);
  }
  const allows = policy.statements.filter((s) => s.effect === 'Allow' && coversAssumeRole(s));
  const patterns = allows.flatMap((s) =>
    s.conditions
      .filter((c) => isExternalIdCondition(c) && isPositiveTest(c))
      .flatMap((c) => c.values),
  );
  const findings: Finding[] = [];
  for (const [cause, ids] of byCause) {
    const list = quoteList(ids);
    const theIds = `the external ID${ids.length > 1 ? 's' : ''} ${list}`;
    const is = ids.length > 1 ? 'are' : 'is';
    const The = theIds.charAt(0).toUpperCase() + theIds.slice(1);
    const stacks = [...new Set(ids.map((id) => parseExternalId(id)?.stackSlug ?? id))];
    const allowedStacks = [
      ...new Set(
        patterns
          .map((p) => patternParts(p).stack)
          .filter((s): s is string => s !== undefined && s !== '*'),
      ),
    ];
    const messages: Record<Cause, string> = {
      principal: `Rolebridge calls AWS as ${setup.principalArn} (account ${setup.platformAccountId}), and no statement trusts that account, so every request is refused, including ${list}. Put "${setup.platformAccountId}" in "Principal": {"AWS": ...}.`,
      wildcard: `${The} ${is} refused because the policy compares it with StringEquals against a pattern containing "*" or "?". StringEquals takes the pattern literally; use StringLike.`,
      account: `${The} ${is} refused because the policy expects IDs from another Rolebridge account name; this account is "${setup.accountName ?? '?'}".`,
      stack: `Runs of stack ${quoteList(stacks)} send ${theIds}, but this policy only lets ${allowedStacks.length ? `stack ${quoteList(allowedStacks)}` : 'other stacks'} use the role. Add the stack to the policy (or use "Any stack can use role").`,
      phase: `This policy only accepts plan runs (external IDs ending in "@read"), so apply runs that send ${list} are refused. Allow "@write" too if these stacks should apply with this role.`,
      integration: `${The} ${is} refused because the policy names a different integration ID; each Rolebridge integration has its own ID in the external ID.`,
      explicit: `A Deny statement refuses ${theIds}; a matching Deny always wins over any Allow.`,
      other: `No statement accepts ${theIds}; see the conditions under each result for the value sent and the pattern it was compared with.`,
    };
    findings.push({
      severity: 'error',
      code: codes[cause],
      message: messages[cause],
      ...(cause === 'principal' ? { path: '$.Statement' } : {}),
    });
  }
  return findings;
}

const codes: Record<Cause, string> = {
  principal: 'principal-mismatch',
  wildcard: 'wildcard-denies-external-id',
  account: 'account-name-denies-external-id',
  stack: 'stack-not-allowed',
  phase: 'phase-not-allowed',
  integration: 'integration-not-allowed',
  explicit: 'explicit-deny',
  other: 'external-id-denied',
};

function causeOf(policy: TrustPolicy, r: ExternalIdResult, setup: AnalysisSetup): Cause {
  const allows = r.statements.filter((s) => s.effect === 'Allow' && s.action.matched);
  if (!allows.some((s) => s.principal.matched)) return 'principal';
  const id = parseExternalId(r.externalId);
  const candidates = policy.statements.filter((s) =>
    allows.some((a) => a.index === s.index && a.principal.matched),
  );
  const conditions = candidates.flatMap((s) =>
    s.conditions.filter((c) => isExternalIdCondition(c) && isPositiveTest(c)),
  );
  if (conditions.some(wildcardInEquals)) return 'wildcard';
  const parts = conditions.flatMap((c) => c.values).map(patternParts);
  const literal = (v: string | undefined): v is string =>
    v !== undefined && !v.includes('*') && !v.includes('?');
  if (!id || parts.length === 0) return 'other';
  if (
    setup.accountName !== undefined &&
    parts.every((p) => literal(p.account) && p.account !== id.accountName)
  )
    return 'account';
  if (parts.every((p) => literal(p.integration) && p.integration !== id.integrationId))
    return 'integration';
  if (parts.every((p) => literal(p.stack) && p.stack !== id.stackSlug)) return 'stack';
  if (parts.every((p) => literal(p.phase) && p.phase !== id.phase)) return 'phase';
  return 'other';
}
