import { COMPUTED, type Run } from '@rolebridge/contracts';
import type { Names } from '../names/repository.js';
import type { IssuedCredentials } from '../verification/assume-role.js';
import type { RunRow } from './repository.js';

/** AWS_SECURITY_TOKEN too: older tools (boto 2, some Terraform providers) still read it. */
export const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SECURITY_TOKEN',
  'AWS_SESSION_TOKEN',
] as const;

const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

export function regionVariables(region: string | null): Record<string, string> {
  return region ? Object.fromEntries(REGION_VARIABLES.map((n) => [n, region])) : {};
}

/** Names only: what the console and the run response show, each as `<computed>`. */
export function variableNames(integration: {
  region: string | null;
  assumeRoleOnWorker: boolean;
}): string[] {
  return [
    // A worker that assumes the role itself gets no credentials from us.
    ...(integration.assumeRoleOnWorker ? [] : CREDENTIAL_VARIABLES),
    ...(integration.region ? REGION_VARIABLES : []),
  ];
}

export function credentialVariables(c: IssuedCredentials, region: string | null) {
  return {
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
    AWS_SECURITY_TOKEN: c.sessionToken,
    AWS_SESSION_TOKEN: c.sessionToken,
    ...regionVariables(region),
  };
}

/** A stored run with the names a person reads (see names/repository.ts). */
export function toRun(row: RunRow, names: Names): Run {
  const variables = JSON.parse(row.variable_names) as string[];
  const integration = row.integration_id && names.ref('aws_integration', row.integration_id);
  return {
    id: row.id,
    stackSlug: row.stack_slug,
    stackName: names.ref('stack', row.stack_slug).name ?? row.stack_slug,
    phase: row.phase,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedBy: names.actor(row.created_by),
    integrationId: row.integration_id,
    integration: integration ? { id: integration.id, name: integration.name } : null,
    assumedRoleArn: row.assumed_role_arn,
    environment: variables.map((name) => ({ name, value: COMPUTED })),
    expiresAt: row.expires_at,
  };
}

/** `<run-id>@<stack-slug>@<account>`, as the setup guide's CloudTrail advice expects; ≤ 64. */
export function runSessionName(runId: string, stackSlug: string, accountName: string): string {
  return `${runId}@${stackSlug}@${accountName}`.slice(0, 64);
}
