import type { Kysely } from 'kysely';

/**
 * An outbox for integration state changes (docs/decisions/013-health-checks-and-leases.md):
 * the check that moves an integration to failing or recovered writes its change here in the
 * same transaction, and webhook deliveries are queued from these rows afterwards, so a
 * replica that dies between the commit and the queueing loses no notification. A row is
 * deleted in the transaction that queues its deliveries; `lease_until` (ms since the epoch)
 * lets one replica at a time turn it into deliveries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('integration_state_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The change as JSON (integration-health/events.ts).
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'bigint')
    .execute();
}
