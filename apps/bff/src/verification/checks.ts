import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsIntegration, Phase, VerificationResult } from '@rolebridge/contracts';
import type { AnalysisResult } from '@rolebridge/trust-policy';
import type { AuditLog } from '../audit/repository.js';
import type { CliTarget } from '../aws/cli-target.js';
import type { DenialFacts } from './access-denied.js';
import { assumeRole, sessionName, type AssumeInput, type AssumeOutcome } from './assume-role.js';
import { hintsForFailure } from './hints.js';
import type { Pair } from './targets.js';

export interface CheckContext {
  integration: AwsIntegration;
  client: STSClient;
  audit: AuditLog;
  actor: string;
  accountName: string;
  platformAccountId: string | null;
  externalIdOf: (pair: Pair) => string;
  analysis?: AnalysisResult | undefined;
  pastedPolicy?: string | undefined;
  cli: CliTarget | null;
  /** Looked up once a check was refused: what tells the causes of AccessDenied apart. */
  facts: () => Promise<DenialFacts>;
}

/** Every AssumeRole goes to the audit log: what was asked and what AWS said, never credentials. */
export async function recordAssumeRole(
  audit: AuditLog,
  who: { actor: string; integrationId: string },
  input: AssumeInput,
  meta: { purpose: string; stackSlug?: string; phase?: Phase; attempt: number; runId?: string },
  outcome: { ok: true; assumedRoleArn: string } | { ok: false; code: string; message: string },
) {
  await audit.record({
    actor: who.actor,
    action: 'sts.assume_role',
    targetType: 'aws_integration',
    targetId: who.integrationId,
    detail: {
      ...meta,
      roleArn: input.roleArn,
      externalId: input.externalId ?? null,
      sessionName: input.sessionName,
      outcome: outcome.ok ? 'allowed' : 'failed',
      ...(outcome.ok
        ? { assumedRoleArn: outcome.assumedRoleArn }
        : { errorCode: outcome.code, errorMessage: outcome.message }),
    },
  });
}

async function audited(
  ctx: CheckContext,
  input: AssumeInput,
  meta: { purpose: string; stackSlug?: string; phase?: Phase; attempt: number },
): Promise<AssumeOutcome> {
  const outcome = await assumeRole(ctx.client, input);
  const who = { actor: ctx.actor, integrationId: ctx.integration.id };
  await recordAssumeRole(ctx.audit, who, input, meta, outcome);
  return outcome;
}

/** AWS gives "root may not assume roles" as AccessDenied too; waiting will not change that. */
export const mayBePropagating = (r: { ok: boolean; error?: { code: string; message: string } }) =>
  !r.ok && r.error?.code === 'AccessDenied' && !/root accounts/i.test(r.error.message);

/** One AssumeRole for one stack and phase; `attempt` counts background retries. */
export async function checkPair(
  ctx: CheckContext,
  pair: Pair,
  attempt = 1,
  propagation?: DenialFacts['propagation'],
): Promise<VerificationResult> {
  const { integration } = ctx;
  const externalId = ctx.externalIdOf(pair);
  const input = {
    roleArn: integration.roleArn,
    externalId,
    sessionName: sessionName('verify', ctx.actor),
    durationSeconds: integration.durationSeconds,
  };
  const result = await audited(ctx, input, { purpose: 'verify', ...pair, attempt });
  const base = { ...pair, externalId, ...(attempt > 1 && { attempts: attempt }) };
  if (result.ok) return { ...base, ok: true, assumedRoleArn: result.assumedRoleArn, hints: [] };
  const refused = { ...base, ok: false, error: { code: result.code, message: result.message } };
  return { ...refused, hints: await hintsFor(ctx, refused, propagation) };
}

/** The catalogue's advice for a refused check, with what else is known about a denial. */
export async function hintsFor(
  ctx: CheckContext,
  result: Omit<VerificationResult, 'hints'>,
  propagation?: DenialFacts['propagation'],
) {
  const error = result.error ?? { code: 'UnknownError', message: '' };
  const denied = error.code === 'AccessDenied';
  const facts = denied ? { ...(await ctx.facts()), propagation } : undefined;
  const { integration } = ctx;
  return hintsForFailure(error, {
    roleArn: integration.roleArn,
    externalId: result.externalId,
    stackSlug: result.stackSlug,
    phase: result.phase,
    accountName: ctx.accountName,
    integrationId: integration.id,
    platformAccountId: ctx.platformAccountId,
    durationSeconds: integration.durationSeconds,
    region: integration.region,
    cli: ctx.cli,
    ...(ctx.analysis && { analysis: ctx.analysis }),
    ...(ctx.pastedPolicy && { pastedPolicy: ctx.pastedPolicy }),
    ...(facts && { facts }),
  });
}

/**
 * AssumeRole without an external ID must fail. Shortest duration, so a role whose maximum
 * is below the integration's still answers the trust question.
 */
export async function probeConfusedDeputy(ctx: CheckContext) {
  const outcome = await audited(
    ctx,
    {
      roleArn: ctx.integration.roleArn,
      sessionName: sessionName('deputy-probe', ctx.actor),
      durationSeconds: 900,
    },
    { purpose: 'confused-deputy-probe', attempt: 1 },
  );
  return { checked: outcome.ok || outcome.code === 'AccessDenied', open: outcome.ok };
}
