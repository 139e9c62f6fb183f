import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsIntegration, Phase, VerificationResult } from '@rolebridge/contracts';
import type { AnalysisResult } from '@rolebridge/trust-policy';
import type { AuditLog } from '../audit/repository.js';
import { assumeRole, sessionName, type AssumeInput, type AssumeOutcome } from './assume-role.js';
import { hintsForFailure } from './hints.js';
import { withRetry, type RetryPolicy } from './retry.js';
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
  /** Null: a role that was not just changed gets one attempt. */
  retry: RetryPolicy | null;
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
const propagating = (o: AssumeOutcome) =>
  !o.ok && o.code === 'AccessDenied' && !/root accounts/i.test(o.message);

export async function checkPair(ctx: CheckContext, pair: Pair): Promise<VerificationResult> {
  const { integration } = ctx;
  const externalId = ctx.externalIdOf(pair);
  const input = {
    roleArn: integration.roleArn,
    externalId,
    sessionName: sessionName('verify', ctx.actor),
    durationSeconds: integration.durationSeconds,
  };
  const attempt = (n: number) => audited(ctx, input, { purpose: 'verify', ...pair, attempt: n });
  // When the pasted policy itself refuses this ID, waiting for IAM cannot help.
  const verdict = ctx.analysis?.results.find((r) => r.externalId === externalId)?.decision;
  const retry = verdict && verdict !== 'allow' ? null : ctx.retry;
  const { result, attempts } = retry
    ? await withRetry(retry, attempt, propagating)
    : { result: await attempt(1), attempts: 1 };
  const base = { ...pair, externalId, ...(attempts > 1 && { attempts }) };
  if (result.ok) return { ...base, ok: true, assumedRoleArn: result.assumedRoleArn, hints: [] };
  return {
    ...base,
    ok: false,
    error: { code: result.code, message: result.message },
    hints: hintsForFailure(result, {
      roleArn: integration.roleArn,
      externalId,
      ...pair,
      accountName: ctx.accountName,
      integrationId: integration.id,
      platformAccountId: ctx.platformAccountId,
      durationSeconds: integration.durationSeconds,
      region: integration.region,
      ...(ctx.analysis && { analysis: ctx.analysis }),
    }),
  };
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
