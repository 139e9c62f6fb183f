import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { IntegrationStateChange } from './events.js';

type Executor = Db | Transaction<Database>;

/**
 * State changes waiting to become webhook deliveries (migration 110). The check that makes a
 * change writes it in its own transaction; whoever relays it takes a lease, then deletes it in
 * the transaction that queues its deliveries. A change is relayed once, even by replicas
 * racing for it, and survives the replica that made it dying before it was relayed.
 */
export function createStateChangeOutbox(db: Db) {
  return {
    async add(trx: Executor, id: string, change: IntegrationStateChange, at: string) {
      await trx
        .insertInto('integration_state_changes')
        .values({ id, change: JSON.stringify(change), created_at: at, lease_until: null })
        .execute();
    },

    /** The oldest changes nobody is relaying now. */
    async waiting(now: number, limit: number) {
      const rows = await db
        .selectFrom('integration_state_changes')
        .select(['id', 'change'])
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        change: JSON.parse(r.change) as IntegrationStateChange,
      }));
    },

    /** Takes a change for relaying; false when another replica holds or relayed it. */
    async lease(id: string, now: number, until: number): Promise<boolean> {
      const result = await db
        .updateTable('integration_state_changes')
        .set({ lease_until: until })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Removes a relayed change; false when it was already gone (relayed elsewhere). */
    async remove(trx: Executor, id: string): Promise<boolean> {
      const result = await trx
        .deleteFrom('integration_state_changes')
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type StateChangeOutbox = ReturnType<typeof createStateChangeOutbox>;
