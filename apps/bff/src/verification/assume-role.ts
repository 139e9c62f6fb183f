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

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export type SessionOutcome =
  | { ok: true; assumedRoleArn: string; credentials: IssuedCredentials }
  | ({ ok: false } & StsFailure);

/**
 * One AssumeRole that hands back the temporary credentials. Only runs use it, and they keep
 * the credentials in memory for the worker; nothing here logs or stores them.
 */
export async function assumeRoleSession(
  client: STSClient,
  input: AssumeInput,
): Promise<SessionOutcome> {
  try {
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        ...(input.externalId !== undefined && { ExternalId: input.externalId }),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration)
      return { ok: false, code: 'IncompleteResponse', message: 'STS returned no credentials' };
    return {
      ok: true,
      assumedRoleArn: out.AssumedRoleUser?.Arn ?? '',
      credentials: {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
      },
    };
  } catch (err) {
    return { ok: false, ...failureOf(err) };
  }
}

/**
 * One AssumeRole for a check. Only the assumed-role ARN leaves this function: the temporary
 * credentials go out of scope here and are never returned, logged or stored.
 */
export async function assumeRole(client: STSClient, input: AssumeInput): Promise<AssumeOutcome> {
  const outcome = await assumeRoleSession(client, input);
  return outcome.ok ? { ok: true, assumedRoleArn: outcome.assumedRoleArn } : outcome;
}

/** RoleSessionName: 2–64 of [\w+=,.@-], and it shows up in the customer's CloudTrail. */
export function sessionName(purpose: string, actor: string): string {
  const name = `rolebridge-${purpose}.${actor.replace(/^(user|token):/, '')}`
    .replace(/[^\w+=,.@-]/g, '-')
    .slice(0, 64);
  return name.length >= 2 ? name : 'rolebridge';
}
