import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Executor = Db | Transaction<Database>;

export type WebhookRow = Database['webhooks'];
export type DeliveryRow = Database['webhook_deliveries'];

/** What one attempt changed; `next` null ends the delivery (delivered or given up). */
export interface AttemptOutcome {
  status: DeliveryRow['status'];
  responseStatus: number | null;
  lastError: string | null;
  at: string;
  next: number | null;
}

export function createWebhooksRepository(db: Db) {
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute(fn),
    async insert(row: WebhookRow, executor: Executor = db) {
      await executor.insertInto('webhooks').values(row).execute();
    },
    list() {
      return db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
    },
    find(id: string) {
      return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** Deliveries go with it (ON DELETE CASCADE). */
    async delete(id: string, executor: Executor = db): Promise<boolean> {
      const result = await executor.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async enqueue(rows: DeliveryRow[], executor: Executor = db) {
      if (rows.length > 0) await executor.insertInto('webhook_deliveries').values(rows).execute();
    },
    findDelivery(id: string) {
      return db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
    },
    /** The newest `perWebhook` deliveries of each webhook, newest first. */
    async recentDeliveries(webhookIds: string[], perWebhook: number) {
      if (webhookIds.length === 0) return [];
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('webhook_id', 'in', webhookIds)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(webhookIds.length * 50)
        .execute();
      const seen = new Map<string, number>();
      return rows.filter((r) => {
        const n = (seen.get(r.webhook_id) ?? 0) + 1;
        seen.set(r.webhook_id, n);
        return n <= perWebhook;
      });
    },
    /** Ids of deliveries due now and not held by a replica. */
    async due(now: number, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    /**
     * Takes the delivery for one attempt, or says another replica has it. A conditional
     * UPDATE, so of two replicas racing for a row exactly one changes it.
     */
    async claim(id: string, now: number, leaseUntil: number): Promise<boolean> {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ lease_until: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async recordAttempt(id: string, outcome: AttemptOutcome) {
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          status: outcome.status,
          response_status: outcome.responseStatus,
          last_error: outcome.lastError,
          last_attempt_at: outcome.at,
          next_attempt_at: outcome.next,
          lease_until: null,
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
