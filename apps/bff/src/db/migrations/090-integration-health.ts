import { sql, type Kysely } from 'kysely';

/**
 * Integration health (docs/decisions/013-health-checks-and-leases.md):
 * - the health state on the integration row, indexed in list order for `?status=`, which
 *   now means this state instead of the verdict the last stored verification spells;
 * - the history of checks, newest kept, pruned per integration;
 * - one schedule row per checked integration: when it is due and who holds its lease.
 * Existing integrations take their state from the verification they hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE aws_integrations ADD COLUMN health_state TEXT NOT NULL DEFAULT 'unknown'`.execute(
    db,
  );
  await sql`ALTER TABLE aws_integrations ADD COLUMN failing_since TEXT`.execute(db);
  await sql`ALTER TABLE aws_integrations ADD COLUMN recovered_at TEXT`.execute(db);

  const { rows } = await sql<{
    id: string;
    last_verification: string;
  }>`SELECT id, last_verification FROM aws_integrations WHERE last_verification IS NOT NULL`.execute(
    db,
  );
  for (const row of rows) {
    const stored = JSON.parse(row.last_verification) as {
      ok: boolean;
      checkedAt?: string;
      retrying?: unknown;
    };
    // A verdict still retrying is not final: the state stays unknown until it is.
    if (stored.retrying) continue;
    await sql`UPDATE aws_integrations SET health_state = ${stored.ok ? 'healthy' : 'failing'}, failing_since = ${stored.ok ? null : (stored.checkedAt ?? null)} WHERE id = ${row.id}`.execute(
      db,
    );
  }

  await sql`DROP INDEX aws_integrations_status`.execute(db);
  await sql`CREATE INDEX aws_integrations_health ON aws_integrations (health_state, name, id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE integration_checks (
      id TEXT PRIMARY KEY,
      integration_id TEXT NOT NULL REFERENCES aws_integrations (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      trigger TEXT NOT NULL,
      ok INTEGER NOT NULL,
      failures TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX integration_checks_integration ON integration_checks (integration_id, id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE integration_schedule (
      integration_id TEXT PRIMARY KEY REFERENCES aws_integrations (id) ON DELETE CASCADE,
      next_check_at TEXT NOT NULL,
      lease_owner TEXT,
      lease_until TEXT
    )`.execute(db);
  await sql`CREATE INDEX integration_schedule_due ON integration_schedule (next_check_at)`.execute(
    db,
  );
}
