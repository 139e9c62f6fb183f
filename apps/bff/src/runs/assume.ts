import { Unprocessable, Upstream } from '../http/errors.js';
import { assumeRoleSession } from '../verification/assume-role.js';
import { recordAssumeRole } from '../verification/checks.js';
import { hintsForFailure } from '../verification/hints.js';
import type { RunsDeps } from './service.js';
import type { RunRow } from './repository.js';
import { credentialVariables, runSessionName } from './variables.js';

/** Codes that mean the role or its settings are wrong; anything else is AWS or us failing. */
const CUSTOMER_SIDE = new Set(['AccessDenied', 'ValidationError', 'RegionDisabledException']);

/**
 * One AssumeRole for a run, through the same STS client, audit record and hint catalogue as
 * verification: when the run starts (one per phase, so one per run), and again on a replica
 * that does not hold the credentials (decision 010), with the run's recorded session name
 * and a shorter duration. The credentials go to this process's memory and nowhere else.
 */
export async function assumeForRun(
  deps: Pick<RunsDeps, 'sts' | 'audit' | 'credentials' | 'cli'>,
  ctx: {
    row: RunRow;
    actor: string;
    accountName: string;
    platformAccountId: string | null;
    /** A re-issue asks for what is left of the run, not the integration's whole duration. */
    reissue?: { durationSeconds: number };
  },
) {
  const { row } = ctx;
  const phase = row.phase === 'plan' ? 'read' : 'write';
  const input = {
    roleArn: row.role_arn ?? '',
    externalId: row.external_id ?? '',
    sessionName: row.session_name ?? runSessionName(row.id, row.stack_slug, ctx.accountName),
    durationSeconds: ctx.reissue?.durationSeconds ?? row.duration_seconds ?? 3600,
  };
  const outcome = await assumeRoleSession(deps.sts.forRegion(row.region), input);
  await recordAssumeRole(
    deps.audit,
    { actor: ctx.actor, integrationId: row.integration_id ?? '' },
    input,
    {
      purpose: ctx.reissue ? 'run.reissue' : 'run',
      runId: row.id,
      stackSlug: row.stack_slug,
      phase,
      attempt: 1,
    },
    outcome.ok ? { ok: true, assumedRoleArn: outcome.assumedRoleArn } : outcome,
  );
  if (!outcome.ok) {
    const hints = hintsForFailure(outcome, {
      roleArn: input.roleArn,
      externalId: input.externalId,
      stackSlug: row.stack_slug,
      phase,
      accountName: ctx.accountName,
      integrationId: row.integration_id ?? '',
      platformAccountId: ctx.platformAccountId,
      durationSeconds: input.durationSeconds,
      region: row.region,
      cli: deps.cli,
    });
    const detail = `AWS refused sts:AssumeRole for this run (${outcome.code}): ${outcome.message}`;
    const error = CUSTOMER_SIDE.has(outcome.code)
      ? new Unprocessable('assume_role_failed', detail)
      : new Upstream('sts_unavailable', detail);
    throw error.withExtra({ error: { code: outcome.code, message: outcome.message }, hints });
  }
  const { credentials } = outcome;
  const held = {
    stackSlug: row.stack_slug,
    variables: credentialVariables(credentials, row.region ?? deps.sts.defaultRegion),
    expiresAt: credentials.expiration.getTime(),
  };
  deps.credentials.put(row.id, held);
  return { assumedRoleArn: outcome.assumedRoleArn, expiresAt: credentials.expiration, held };
}
