import { integrationFields } from './mapping.js';
import type { IntegrationWithLabels } from './repository.js';

/**
 * One list item as JSON text. The stored verification is spliced in as it was written
 * (by the verification service, from a typed value) instead of being parsed with zod and
 * serialised again: that round trip was most of an uncached list request's mapping time.
 * The web client still parses every response with the contract.
 */
function itemJson(row: IntegrationWithLabels): string {
  const head = JSON.stringify(integrationFields(row));
  return `${head.slice(0, -1)},"lastVerification":${row.last_verification ?? 'null'}}`;
}

/**
 * The item's JSON as the UTF-8 bytes a response sends, in memory of their own: a slice of
 * Node's shared 8 kB pool, kept by the index for as long as the item is unchanged, would keep
 * the whole slab alive, and with it the old bytes of every item rewritten since.
 */
export function itemBytes(row: IntegrationWithLabels): Buffer {
  const json = itemJson(row);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json);
  return bytes;
}

const OPEN = Buffer.from('{"items":[');
const COMMA = 0x2c;

/**
 * The page's response body, its items' bytes copied once into one buffer. Joining them as
 * text and encoding the result, as `res.send` does with a string, made two page-sized
 * copies a request, most of the garbage the mixed list workload left to collect.
 */
export function listPageBody(page: {
  items: Buffer[];
  nextCursor: string | null;
  total: number;
  totalExact: boolean;
}): Buffer {
  const { items, nextCursor, total, totalExact } = page;
  const tail = Buffer.from(`],${JSON.stringify({ nextCursor, total, totalExact }).slice(1)}`);
  let size = OPEN.length + Math.max(items.length - 1, 0) + tail.length;
  for (const item of items) size += item.length;
  const body = Buffer.allocUnsafe(size);
  let at = OPEN.copy(body, 0);
  for (const [i, item] of items.entries()) {
    if (i > 0) body[at++] = COMMA;
    at += item.copy(body, at);
  }
  tail.copy(body, at);
  return body;
}
