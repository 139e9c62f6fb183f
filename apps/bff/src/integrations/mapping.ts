import { createHash } from 'node:crypto';
import { verification, type AwsIntegration, type HealthState } from '@rolebridge/contracts';
import type { IntegrationWithLabels } from './repository.js';

/** Every field but the verification, which callers either parse or splice in as stored. */
export function integrationFields(
  row: IntegrationWithLabels,
): Omit<AwsIntegration, 'lastVerification'> {
  return {
    id: row.id,
    name: row.name,
    spaceId: row.space_id,
    roleArn: row.role_arn,
    assumeRoleOnWorker: row.assume_role_on_worker === 1,
    externalId: row.external_id,
    durationSeconds: row.duration_seconds,
    region: row.region,
    labels: row.labels,
    autoattachEnabled: row.autoattach_enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    health: {
      // Written only by integration-health as one of these; a parse per list row costs.
      state: row.health_state as HealthState,
      failingSince: row.failing_since,
      recoveredAt: row.recovered_at,
    },
  };
}

export function toIntegration(row: IntegrationWithLabels): AwsIntegration {
  return {
    ...integrationFields(row),
    lastVerification: row.last_verification
      ? verification.parse(JSON.parse(row.last_verification))
      : null,
  };
}

export const etagOf = (row: { version: number }) => `"${row.version}"`;

/**
 * The edit version plus a digest of the whole body: a verification (stored outside the
 * version, possibly by a background retry) changes the body, so it must change the tag too,
 * or a browser's conditional GET gets 304 and keeps showing the old status.
 */
export function integrationEtag(integration: AwsIntegration, version: number): string {
  const digest = createHash('sha256').update(canonicalJson(integration)).digest('base64url');
  return `"${version}-${digest.slice(0, 22)}"`;
}

/** JSON with sorted keys: the same body hashes the same however it was put together. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** RFC 9110 If-Match: `*`, or a list of tags of which one equals the current one (strong). */
export function ifMatchAccepts(header: string, current: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === current);
}

/** Accepts `"3"`, `W/"3"` and lists; returns the versions named, or 'any' for `*`. */
export function parseIfMatch(header: string): number[] | 'any' {
  if (header.trim() === '*') return 'any';
  return header
    .split(',')
    .map((tag) => /^\s*(?:W\/)?"(\d+)"\s*$/.exec(tag)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
}

/** Opaque keyset cursor over (name, id), the list's sort order. */
export function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { name: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // fall through: a cursor we did not issue
  }
  return null;
}
