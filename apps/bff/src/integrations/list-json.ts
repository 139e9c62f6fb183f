import type { AwsIntegration } from '@rolebridge/contracts';
import type { IntegrationWithLabels } from './repository.js';

/**
 * One list item as JSON text. The stored verification is spliced in as it was written
 * (by the verification service, from a typed value) instead of being parsed with zod and
 * serialised again: that round trip was most of an uncached list request's mapping time.
 * The web client still parses every response with the contract.
 */
function itemJson(row: IntegrationWithLabels): string {
  const head = JSON.stringify({
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
  } satisfies Omit<AwsIntegration, 'lastVerification'>);
  return `${head.slice(0, -1)},"lastVerification":${row.last_verification ?? 'null'}}`;
}

export function listPageJson(page: {
  rows: IntegrationWithLabels[];
  nextCursor: string | null;
  total: number;
  totalExact: boolean;
}): string {
  const { nextCursor, total, totalExact } = page;
  const tail = JSON.stringify({ nextCursor, total, totalExact }).slice(1);
  return `{"items":[${page.rows.map(itemJson).join(',')}],${tail}`;
}
