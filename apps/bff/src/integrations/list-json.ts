import { integrationFields } from './mapping.js';
import type { IntegrationWithLabels } from './repository.js';

/**
 * One list item as JSON text. The stored verification is spliced in as it was written
 * (by the verification service, from a typed value) instead of being parsed with zod and
 * serialised again: that round trip was most of an uncached list request's mapping time.
 * The web client still parses every response with the contract.
 */
export function itemJson(row: IntegrationWithLabels): string {
  const head = JSON.stringify(integrationFields(row));
  return `${head.slice(0, -1)},"lastVerification":${row.last_verification ?? 'null'}}`;
}

export function listPageJson(page: {
  items: string[];
  nextCursor: string | null;
  total: number;
  totalExact: boolean;
}): string {
  const { nextCursor, total, totalExact } = page;
  const tail = JSON.stringify({ nextCursor, total, totalExact }).slice(1);
  return `{"items":[${page.items.join(',')}],${tail}`;
}
