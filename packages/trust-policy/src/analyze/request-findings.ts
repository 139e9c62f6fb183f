import { arnParts } from '../conditions/arn-values.js';
import { parseOperator } from '../conditions/operators.js';
import { parseDate } from '../conditions/ordered-values.js';
import type { TrustPolicy } from '../types.js';
import { coversAssumeRole } from './facts.js';
import type { AnalysisSetup, Finding } from './types.js';

const TAG_KEYS = /^(?:aws:requesttag\/|aws:tagkeys$|sts:transitivetagkeys$)/i;
const TIME_KEYS = new Set(['aws:currenttime', 'aws:epochtime']);

/** Findings about what the request carries (tags, source identity, time) and the ARN operators. */
export function requestFindings(policy: TrustPolicy, setup: AnalysisSetup): Finding[] {
  const findings: Finding[] = [];
  const { request } = setup;
  const sendsTags =
    Object.keys(request.sessionTags ?? {}).length > 0 ||
    (request.transitiveTagKeys?.length ?? 0) > 0;
  const allows = (action: string) =>
    policy.statements.some((s) => s.effect === 'Allow' && coversAssumeRole(s, action));
  const tagConditions = policy.statements.some((s) =>
    s.conditions.some((c) => TAG_KEYS.test(c.key)),
  );
  if ((sendsTags || setup.usesSessionTags || tagConditions) && !allows('sts:tagsession')) {
    findings.push({
      severity: sendsTags ? 'error' : 'warning',
      code: 'missing-tag-session',
      path: '$.Statement',
      message: `${sendsTags ? 'This request sends session tags' : 'Session tags are passed when assuming this role'}, which AWS only allows when the trust policy also allows "sts:TagSession". Without it every AssumeRole call with tags fails with AccessDenied naming sts:TagSession.`,
      fix: 'Use "Action": ["sts:AssumeRole", "sts:TagSession"] in the statement that trusts Rolebridge.',
    });
  }
  if (request.sourceIdentity !== undefined && !allows('sts:setsourceidentity')) {
    findings.push({
      severity: 'error',
      code: 'missing-set-source-identity',
      path: '$.Statement',
      message:
        'This request sets a source identity, which AWS only allows when the trust policy also allows "sts:SetSourceIdentity"; without it AssumeRole fails with AccessDenied naming sts:SetSourceIdentity.',
      fix: 'Use "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"] in the statement that trusts Rolebridge.',
    });
  }
  for (const s of policy.statements) {
    for (const c of s.conditions) {
      const op = parseOperator(c.operator);
      if (op?.kind === 'arn') {
        const short = c.values.filter((v) => arnParts(v) === undefined);
        if (short.length) {
          findings.push({
            severity: 'warning',
            code: 'arn-too-few-parts',
            path: c.path,
            message: `${c.operator} compares the six colon-separated parts of an ARN one by one, and ${short.map((v) => `"${v}"`).join(', ')} ${short.length > 1 ? 'have' : 'has'} fewer than six, so ${short.length > 1 ? 'they match' : 'it matches'} nothing. A "*" never spans a colon here: write every part, e.g. "arn:aws:iam::111111111111:role/*".`,
          });
        }
      }
      const passed = s.effect === 'Deny' && op?.kind === 'date' && !op.negated;
      if (passed && (op.cmp === 'gt' || op.cmp === 'gte') && TIME_KEYS.has(c.key.toLowerCase())) {
        const now = request.now ?? Date.now();
        const past = c.values.filter((v) => {
          const t = parseDate(v);
          return t !== undefined && (op.cmp === 'gt' ? t < now : t <= now);
        });
        if (past.length) {
          findings.push({
            severity: 'warning',
            code: 'deny-date-passed',
            path: c.path,
            message: `Statement ${s.index + 1} denies requests after ${past.map((v) => `"${v}"`).join(', ')}, and that time has passed: the Deny is in force now and refuses every request it covers.`,
          });
        }
      }
    }
  }
  return findings;
}
