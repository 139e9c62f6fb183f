import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { StsFailure } from './hints.js';

export type AssumeOutcome = { ok: true; assumedRoleArn: string } | ({ ok: false } & StsFailure);

export interface AssumeInput {
  roleArn: string;
  /** Absent for the confused-deputy probe. */
  externalId?: string;
  sessionName: string;
  durationSeconds: number;
}

/**
 * The AWS error code as sent on the wire: the SDK keeps it in `Code` (its `name` gets an
 * `Exception` suffix for modelled IAM errors); Node network errors only carry
 * it as `code` (ECONNREFUSED).
 */
export function failureOf(err: unknown): StsFailure {
  if (!(err instanceof Error)) return { code: 'UnknownError', message: String(err) };
  const { Code: wire, code: nodeCode } = err as { Code?: unknown; code?: unknown };
  const code =
    typeof wire === 'string' && wire
      ? wire
      : err.name && err.name !== 'Error'
        ? err.name
        : typeof nodeCode === 'string' && /^E[A-Z]+$/.test(nodeCode)
          ? nodeCode
          : 'UnknownError';
  return { code, message: err.message.slice(0, 1000) };
}

/**
 * One AssumeRole. Only the assumed-role ARN leaves this function: the temporary credentials
 * in the response go out of scope here and are never returned, logged or stored.
 */
export async function assumeRole(client: STSClient, input: AssumeInput): Promise<AssumeOutcome> {
  try {
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        ...(input.externalId !== undefined && { ExternalId: input.externalId }),
      }),
    );
    return { ok: true, assumedRoleArn: out.AssumedRoleUser?.Arn ?? '' };
  } catch (err) {
    return { ok: false, ...failureOf(err) };
  }
}

/** RoleSessionName: 2–64 of [\w+=,.@-], and it shows up in the customer's CloudTrail. */
export function sessionName(purpose: string, actor: string): string {
  const name = `rolebridge-${purpose}.${actor.replace(/^(user|token):/, '')}`
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, 64);
  return name.length >= 2 ? name : 'rolebridge';
}
