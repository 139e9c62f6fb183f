import { CONTEXT_KEYS, TAG_KEY_PREFIXES } from '../context.js';
import { parseOperator } from '../conditions/operators.js';
import type { PolicyStatement, TrustPolicy } from '../types.js';
import {
  coversAssumeRole,
  isExternalIdCondition,
  isPositiveTest,
  patternParts,
  principalAccounts,
  wildcardInEquals,
} from './facts.js';
import { requestFindings } from './request-findings.js';
import type { AnalysisSetup, Finding } from './types.js';

const KNOWN_KEYS = new Set(CONTEXT_KEYS.map((k) => k.toLowerCase()));
const TAG_PREFIXES = TAG_KEY_PREFIXES.map((p) => p.toLowerCase());

/** Findings that follow from the policy text alone, whatever external IDs are sent. */
export function staticFindings(policy: TrustPolicy, setup: AnalysisSetup): Finding[] {
  const findings: Finding[] = [];
  if (policy.version === undefined) {
    findings.push({
      severity: 'warning',
      code: 'version-missing',
      path: '$',
      message:
        'The policy has no "Version", so AWS reads it with the 2008-10-17 rules, where policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17".',
      fix: 'Add "Version": "2012-10-17" at the top of the policy.',
    });
  } else if (policy.version === '2008-10-17') {
    findings.push({
      severity: 'warning',
      code: 'version-legacy',
      path: '$.Version',
      message:
        'Version "2008-10-17" is the legacy policy language: policy variables are not replaced. Use "2012-10-17".',
      fix: 'Change "Version" to "2012-10-17".',
    });
  }
  for (const s of policy.statements) findings.push(...statementFindings(s, setup));
  findings.push(...requestFindings(policy, setup));
  return findings;
}

function statementFindings(s: PolicyStatement, setup: AnalysisSetup): Finding[] {
  const out: Finding[] = [];
  const where = `Statement ${s.index + 1}${s.sid ? ` ("${s.sid}")` : ''}`;
  if (!coversAssumeRole(s)) {
    out.push({
      severity: 'info',
      code: 'statement-never-matches',
      path: `${s.path}.${s.notAction ? 'NotAction' : 'Action'}`,
      message: `${where} is not about sts:AssumeRole, so it never applies to Rolebridge's request.`,
    });
    return out;
  }
  if (s.principal && !s.principal.anyAws && s.principal.aws.length === 0) {
    out.push({
      severity: 'info',
      code: 'statement-never-matches',
      path: `${s.path}.Principal`,
      message: `${where} only trusts AWS services or federated identities, never an AWS account, so it never applies to Rolebridge.`,
    });
  }
  if (s.effect === 'Allow' && s.principal?.anyAws) {
    out.push({
      severity: 'error',
      code: 'principal-wildcard',
      path: `${s.path}.Principal`,
      message: `${where} trusts "*": every AWS account in the world may try to assume this role, and external IDs are not secret. Trust only Rolebridge's account ${setup.platformAccountId}.`,
      fix: `"Principal": {"AWS": "${setup.platformAccountId}"}`,
    });
  }
  if (s.effect === 'Allow') {
    const accounts = principalAccounts(s.principal);
    const foreign = accounts.filter((a) => a.account !== setup.platformAccountId);
    const trustsPlatform =
      s.principal?.anyAws || accounts.some((a) => a.account === setup.platformAccountId);
    for (const a of foreign) {
      out.push({
        severity: trustsPlatform ? 'info' : 'error',
        code: 'principal-not-platform',
        path: `${s.path}.Principal.AWS`,
        message: `${where} trusts account ${a.account} ("${a.value}"), but Rolebridge calls AWS from account ${setup.platformAccountId}${trustsPlatform ? '; that extra account may also assume the role.' : ', so this statement never lets Rolebridge in.'}`,
      });
    }
  }
  for (const c of s.conditions) {
    const keyLower = c.key.toLowerCase();
    if (wildcardInEquals(c)) {
      const like = c.operator
        .replace(/StringEquals(?:IgnoreCase)?/, 'StringLike')
        .replace(/StringNotEquals(?:IgnoreCase)?/, 'StringNotLike');
      out.push({
        severity: isExternalIdCondition(c) ? 'error' : 'warning',
        code: 'wildcard-in-string-equals',
        path: c.path,
        message: `${c.operator} compares text exactly, so the "*" or "?" in ${c.values.map((v) => `"${v}"`).join(', ')} only matches those characters literally and no real ${c.key} ever equals it. Use ${like} for wildcards.`,
        fix: `Change "${c.operator}" to "${like}".`,
      });
    }
    if (isExternalIdCondition(c) && isPositiveTest(c) && setup.accountName !== undefined) {
      for (const value of c.values) {
        const { account } = patternParts(value);
        if (
          account === undefined ||
          account.includes('*') ||
          account.includes('?') ||
          account.includes('$')
        )
          continue;
        if (!value.includes('@')) {
          out.push({
            severity: 'warning',
            code: 'external-id-format',
            path: c.path,
            message: `"${value}" doesn't look like a Rolebridge external ID, which has the form ${setup.accountName}@<integration>@<stack>@<read|write>.`,
          });
        } else if (account !== setup.accountName) {
          out.push({
            severity: 'error',
            code: 'account-name-mismatch',
            path: c.path,
            message: `The external ID pattern "${value}" is for the Rolebridge account "${account}", but this account is "${setup.accountName}". External IDs start with the account name, so none will match.`,
            fix: `Replace "${account}@" with "${setup.accountName}@".`,
          });
        }
      }
    }
    if (
      !KNOWN_KEYS.has(keyLower) &&
      !TAG_PREFIXES.some((p) => keyLower.startsWith(p)) &&
      !isExternalIdCondition(c) &&
      parseOperator(c.operator)?.kind !== 'null'
    ) {
      out.push({
        severity: 'info',
        code: 'unpredictable-key',
        path: c.path,
        message: `${c.key} is not part of an AssumeRole request from Rolebridge, so the verdicts below treat it as absent.`,
      });
    }
  }
  return out;
}
