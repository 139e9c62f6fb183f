import { sql, type Transaction } from 'kysely';
import type { CheckTrigger, IntegrationCheck } from '@rolebridge/contracts';
import type { Db } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

type Executor = Db | Transaction<Database>;

/** How many checks each integration keeps; older ones are pruned as new ones land. */
export const KEPT_CHECKS = 50;

export type Transition = 'failing' | 'recovered' | 'healthy' | null;

export function createHealthRepository(db: Db) {
  const postgres = dialectOf(db) === 'postgres';
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute(fn),

    async insertCheck(
      trx: Executor,
      row: {
        id: string;
        integrationId: string;
        at: string;
        trigger: CheckTrigger;
        ok: boolean;
        failures: IntegrationCheck['failures'];
      },
    ) {
      await trx
        .insertInto('integration_checks')
        .values({
          id: row.id,
          integration_id: row.integrationId,
          at: row.at,
          trigger: row.trigger,
          ok: row.ok ? 1 : 0,
          failures: JSON.stringify(row.failures),
        })
        .execute();
      await sql`DELETE FROM integration_checks WHERE integration_id = ${row.integrationId} AND id <= (SELECT id FROM integration_checks WHERE integration_id = ${row.integrationId} ORDER BY id DESC LIMIT 1 OFFSET ${KEPT_CHECKS})`.execute(
        trx,
      );
    },

    async checks(integrationId: string, limit: number): Promise<IntegrationCheck[]> {
      const rows = await db
        .selectFrom('integration_checks')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        trigger: r.trigger as CheckTrigger,
        ok: r.ok === 1,
        failures: JSON.parse(r.failures) as IntegrationCheck['failures'],
      }));
    },

    /**
     * Moves the state with conditional UPDATEs: of checks racing on the same integration
     * (on any replica), only the one whose UPDATE changed the row reports the transition.
     */
    async transition(trx: Executor, id: string, verdict: 'healthy' | 'failing', at: string) {
      if (verdict === 'failing') {
        const r = await trx
          .updateTable('aws_integrations')
          .set({ health_state: 'failing', failing_since: at })
          .where('id', '=', id)
          .where('health_state', '!=', 'failing')
          .executeTakeFirst();
        return r.numUpdatedRows > 0n ? 'failing' : null;
      }
      const recovered = await trx
        .updateTable('aws_integrations')
        .set({ health_state: 'healthy', failing_since: null, recovered_at: at })
        .where('id', '=', id)
        .where('health_state', '=', 'failing')
        .executeTakeFirst();
      if (recovered.numUpdatedRows > 0n) return 'recovered';
      const first = await trx
        .updateTable('aws_integrations')
        .set({ health_state: 'healthy' })
        .where('id', '=', id)
        .where('health_state', '=', 'unknown')
        .executeTakeFirst();
      return first.numUpdatedRows > 0n ? 'healthy' : null;
    },

    /** How many integrations are in each state, every state named (the metrics gauge). */
    async countByState(): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('aws_integrations')
        .select(['health_state', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('health_state')
        .execute();
      const counts: Record<string, number> = { unknown: 0, healthy: 0, failing: 0 };
      for (const r of rows) counts[r.health_state] = Number(r.n);
      return counts;
    },

    /** The next scheduled check of one integration, whoever holds its lease. */
    async scheduleAt(trx: Executor, integrationId: string, nextCheckAt: string) {
      await trx
        .insertInto('integration_schedule')
        .values({ integration_id: integrationId, next_check_at: nextCheckAt })
        .onConflict((oc) => oc.column('integration_id').doUpdateSet({ next_check_at: nextCheckAt }))
        .execute();
    },

    /**
     * Leases up to `n` due integrations to `owner`. On PostgreSQL, SKIP LOCKED lets replicas
     * claim side by side without waiting on or taking each other's rows; a claimed row's
     * lease then hides it from every other claim until released or expired. SQLite has one
     * writer at a time and runs the same statement without the locking clause.
     */
    async claimDue(owner: string, now: string, leaseUntil: string, n: number) {
      const lock = postgres ? sql`FOR UPDATE SKIP LOCKED` : sql``;
      const { rows } = await sql<{ integration_id: string }>`
        UPDATE integration_schedule SET lease_owner = ${owner}, lease_until = ${leaseUntil}
        WHERE integration_id IN (
          SELECT integration_id FROM integration_schedule
          WHERE next_check_at <= ${now} AND (lease_until IS NULL OR lease_until < ${now})
          ORDER BY next_check_at LIMIT ${n} ${lock}
        )
        RETURNING integration_id`.execute(db);
      return rows.map((r) => r.integration_id);
    },

    /** Gives a lease back; `nextCheckAt` moves the next check (e.g. sooner after throttling). */
    async release(integrationId: string, owner: string, nextCheckAt?: string) {
      await db
        .updateTable('integration_schedule')
        .set({
          lease_owner: null,
          lease_until: null,
          ...(nextCheckAt && { next_check_at: nextCheckAt }),
        })
        .where('integration_id', '=', integrationId)
        .where('lease_owner', '=', owner)
        .execute();
    },

    async unschedule(integrationId: string) {
      await db
        .deleteFrom('integration_schedule')
        .where('integration_id', '=', integrationId)
        .execute();
    },

    /** Checkable integrations without a schedule row yet (new since the last sweep, or upgraded). */
    async unscheduled(limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('aws_integrations as i')
        .select('i.id')
        .where('i.assume_role_on_worker', '=', 0)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('integration_schedule as s')
                .select(sql.lit(1).as('one'))
                .whereRef('s.integration_id', '=', 'i.id'),
            ),
          ),
        )
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    /** Overdue rows nobody holds, taken off the schedule to be spread out again. */
    async takeOverdue(now: string): Promise<string[]> {
      const rows = await db
        .deleteFrom('integration_schedule')
        .where('next_check_at', '<', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .returning('integration_id')
        .execute();
      return rows.map((r) => r.integration_id);
    },

    /** Schedule rows for many integrations at once; a row another replica wrote first wins. */
    async scheduleMany(rows: { integrationId: string; nextCheckAt: string }[]) {
      for (let i = 0; i < rows.length; i += 500) {
        const batch = rows.slice(i, i + 500);
        await db
          .insertInto('integration_schedule')
          .values(
            batch.map((r) => ({ integration_id: r.integrationId, next_check_at: r.nextCheckAt })),
          )
          .onConflict((oc) => oc.column('integration_id').doNothing())
          .execute();
      }
    },
  };
}

export type HealthRepository = ReturnType<typeof createHealthRepository>;
