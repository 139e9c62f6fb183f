import type { Hint } from '@rolebridge/contracts';
import type { AnalysisResult } from '@rolebridge/trust-policy';

/** The analyzer's verdict on the pasted policy for the external ID AWS refused. */
export function analysisHint(
  ctx: { externalId: string; roleArn: string },
  analysis: AnalysisResult,
): Hint {
  const verdict = analysis.results.find((r) => r.externalId === ctx.externalId);
  const fix = analysis.suggestedPolicy ?? analysis.findings.find((f) => f.fix)?.fix;
  const problems = analysis.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `• ${f.message}`);
  if (verdict?.decision === 'allow') {
    return {
      id: 'trust-policy-pasted-allows',
      title: 'The policy you pasted would allow this, but the role in AWS refused',
      detail:
        `The pasted trust policy admits external ID ${ctx.externalId}, so the role ${ctx.roleArn} does not carry it: ` +
        'it was not saved, was saved on another role, or IAM has not propagated the change yet (wait a few seconds and verify again).',
    };
  }
  const reasons = (verdict?.statements ?? []).map((s) => {
    const failed = s.conditions.filter((c) => !c.matched);
    const why = !s.principal.matched
      ? `principal does not match (${s.principal.reason})`
      : !s.action.matched
        ? 'action does not include sts:AssumeRole'
        : failed
            .map(
              (c) =>
                `${c.operator} ${c.key} ${JSON.stringify(c.values)} ≠ ${JSON.stringify(c.actual)}`,
            )
            .join('; ') || 'matched';
    return `• Statement ${s.index}${s.sid ? ` (${s.sid})` : ''}, ${s.effect}: ${why}`;
  });
  const decision = verdict?.decision === 'explicit-deny' ? 'explicitly denies' : 'does not allow';
  // The causes AWS's one AccessDenied hides: a principal that is not Rolebridge's, or an
  // external ID condition that does not match what Rolebridge sends.
  const allows = (verdict?.statements ?? []).filter((s) => s.effect === 'Allow');
  const principalWrong = allows.length > 0 && allows.every((s) => !s.principal.matched);
  const externalIdWrong =
    allows.length > 0 &&
    allows.some(
      (s) =>
        s.principal.matched &&
        s.conditions.some((c) => !c.matched && c.key.toLowerCase() === 'sts:externalid'),
    );
  const title =
    verdict?.decision === 'explicit-deny'
      ? `Your trust policy explicitly denies external ID ${ctx.externalId}`
      : principalWrong
        ? "Your trust policy names another principal, not Rolebridge's account"
        : externalIdWrong
          ? `Your trust policy's sts:ExternalId condition does not match ${ctx.externalId}`
          : `Your trust policy ${decision} external ID ${ctx.externalId}`;
  return {
    id: 'trust-policy-analysis',
    title,
    detail:
      [...reasons, ...problems].join('\n') || 'The pasted policy is not a valid trust policy.',
    ...(fix && { fix }),
  };
}
