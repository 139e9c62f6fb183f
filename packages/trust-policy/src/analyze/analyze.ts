import { parseCaller } from '../arn.js';
import { authorizeAssumeRole } from '../assume-role.js';
import { parseExternalId } from '../external-id.js';
import { DEFAULT_MAX_LENGTH, MAX_LENGTH_LIMIT, parseLenient } from '../parse/parse.js';
import { contradictionFinding } from './contradictions.js';
import { denialFindings } from './diagnose.js';
import { staticFindings } from './findings.js';
import { suggestPolicy } from './suggest.js';
import type {
  AnalysisResult,
  AnalysisSetup,
  AnalyzeInput,
  ExternalIdResult,
  Finding,
} from './types.js';

// Enough for any real integration; keeps one request's work bounded.
const MAX_EXTERNAL_IDS = 1000;
const FIX_CODES = new Set([
  'principal-mismatch',
  'principal-not-platform',
  'principal-wildcard',
  'wildcard-in-string-equals',
  'wildcard-denies-external-id',
  'stack-not-allowed',
  'account-name-mismatch',
  'account-name-denies-external-id',
]);

/** Never throws for any text: broken JSON and oversized pastes come back as findings with a position. */
export function analyzeTrustPolicy(input: AnalyzeInput): AnalysisResult {
  const parsed = parseLenient(
    input.policy,
    input.maxLength === undefined ? {} : { maxLength: input.maxLength },
  );
  const findings: Finding[] = parsed.errors.map((e) => ({ severity: 'error', ...e }));
  const policy = parsed.policy;
  if (!policy) return { valid: false, findings, results: [] };

  const externalIds = input.externalIds.slice(0, MAX_EXTERNAL_IDS);
  const setup: AnalysisSetup = {
    principalArn: input.principalArn,
    platformAccountId: input.platformAccountId ?? parseCaller(input.principalArn).account,
    accountName: input.accountName ?? externalIds.map(parseExternalId).find((p) => p)?.accountName,
    externalIds,
    maxLength: Math.min(input.maxLength ?? DEFAULT_MAX_LENGTH, MAX_LENGTH_LIMIT),
    usesSessionTags: input.usesSessionTags ?? false,
    ...(input.roleArn ? { roleArn: input.roleArn } : {}),
    request: {
      now: Date.now(),
      ...input.context,
      principalArn: input.principalArn,
      ...(input.roleArn ? { roleArn: input.roleArn } : {}),
    },
  };
  if (input.externalIds.length > MAX_EXTERNAL_IDS) {
    findings.push({
      severity: 'info',
      code: 'too-many-external-ids',
      message: `Only the first ${MAX_EXTERNAL_IDS} external IDs were checked.`,
    });
  }
  findings.push(...staticFindings(policy, setup));
  for (const s of policy.statements) {
    const contradiction = contradictionFinding(s, setup.principalArn);
    if (contradiction) findings.push(contradiction);
  }

  const evaluate = (externalId: string | undefined) =>
    authorizeAssumeRole(policy, {
      ...setup.request,
      ...(externalId === undefined ? {} : { externalId }),
    });
  const results: ExternalIdResult[] = externalIds.map((externalId) => {
    const { decision, action, result: r } = evaluate(externalId);
    return {
      externalId,
      decision,
      ...(action === 'sts:AssumeRole' ? {} : { action }),
      statements: r.statements,
      ...(r.notes ? { notes: r.notes } : {}),
    };
  });
  findings.push(...denialFindings(policy, results, setup));

  // The confused-deputy check is behavioural: whatever the operators, does a call with no external ID get in?
  const bare = evaluate(undefined);
  if (bare.decision === 'allow') {
    const open = bare.result.statements
      .filter((s) => s.matched && s.effect === 'Allow')
      .map((s) => `$.Statement[${s.index}]`);
    findings.push({
      severity: 'warning',
      code: 'no-external-id',
      ...(open[0] ? { path: open[0] } : {}),
      message: `Rolebridge's identity can assume this role without any external ID. Every Rolebridge account on this platform shares that identity, so another tenant could use your role (the "confused deputy" problem). Require sts:ExternalId with StringLike "${setup.accountName ?? '<account>'}@*".`,
    });
  }

  const needsFix =
    findings.some((f) => FIX_CODES.has(f.code) && f.severity === 'error') ||
    results.some((r) => r.decision !== 'allow');
  const suggestedPolicy = needsFix ? suggestPolicy(policy, setup) : undefined;
  if (suggestedPolicy)
    for (const f of findings)
      if (FIX_CODES.has(f.code) && f.severity === 'error') f.fix = suggestedPolicy;
  const valid = parsed.errors.length === 0;
  return { valid, findings, results, ...(suggestedPolicy ? { suggestedPolicy } : {}) };
}
