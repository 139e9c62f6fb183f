import { sql, type Insertable, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { listIndexOf } from './list-index.js';
import { itemBytes } from './list-json.js';
import { createListQueries, labelsJsonOf, type ListFilter } from './list-query.js';

export type { ListFilter } from './list-query.js';

export type IntegrationRow = Selectable<Database['aws_integrations']>;
export type IntegrationWithLabels = IntegrationRow & { labels: string[] };

type Executor = Db | Transaction<Database>;

function withLabels<R extends { labels_json: string }>({ labels_json, ...row }: R) {
  return { ...row, labels: JSON.parse(labels_json) as string[] };
}

/** Label rows repeat the name, so a label's index lists its integrations in list order. */
async function insertLabels(
  trx: Transaction<Database>,
  row: { id: string; name: string },
  labels: string[],
) {
  if (labels.length === 0) return;
  await trx
    .insertInto('integration_labels')
    .values(labels.map((label) => ({ integration_id: row.id, label, name: row.name })))
    .execute();
  await trx
    .insertInto('label_counts')
    .values(labels.map((label) => ({ label, n: 1 })))
    .onConflict((oc) => oc.column('label').doUpdateSet({ n: sql<number>`label_counts.n + 1` }))
    .execute();
}

/** Before an integration's labels go: label_counts lets the list start from the rarest. */
async function uncountLabels(trx: Transaction<Database>, id: string) {
  await trx
    .updateTable('label_counts')
    .set({ n: sql<number>`n - 1` })
    .where('label', 'in', (eb) =>
      eb.selectFrom('integration_labels').select('label').where('integration_id', '=', id),
    )
    .execute();
}

export function createIntegrationsRepository(db: Db) {
  const listQueries = createListQueries(db);
  const labelsJson = labelsJsonOf(dialectOf(db), 'aws_integrations');
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute(fn),

    async find(id: string, executor: Executor = db): Promise<IntegrationWithLabels | undefined> {
      const row = await executor
        .selectFrom('aws_integrations')
        .selectAll()
        .select(labelsJson)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? withLabels(row) : undefined;
    },

    async nameTaken(name: string, exceptId: string | null, executor: Executor = db) {
      let query = executor.selectFrom('aws_integrations').select('id').where('name', '=', name);
      if (exceptId) query = query.where('id', '!=', exceptId);
      return (await query.executeTakeFirst()) !== undefined;
    },

    /**
     * A page of the list in (name, id) order as item JSON, and the total over all pages.
     * The in-memory index answers (decisions 012 and 015), unless a transaction is open on
     * an in-memory SQLite database, whose one connection would show its uncommitted rows:
     * that case asks SQL.
     */
    async listPage(filter: ListFilter) {
      const index = listIndexOf(db);
      const ready = index.sync();
      if (typeof ready === 'boolean' ? ready : await ready) {
        const { items, total } = index.query(filter);
        return { items: items.map(({ name, id, json }) => ({ name, id, json })), total };
      }
      return this.listFromSql(filter);
    },

    /** The same page from SQL alone. */
    async listFromSql(filter: ListFilter) {
      const { rows, total } = await this.list(filter);
      return {
        items: rows.map((row) => ({ name: row.name, id: row.id, json: itemBytes(row) })),
        total,
      };
    },

    /** A page of rows from SQL, for callers that need more than the list's JSON. */
    async list(filter: ListFilter) {
      const { rows, total } = await listQueries.list(filter);
      return { rows: rows.map(withLabels), total };
    },

    async insert(
      trx: Transaction<Database>,
      row: Insertable<Database['aws_integrations']>,
      labels: string[],
    ) {
      await trx.insertInto('aws_integrations').values(row).execute();
      await insertLabels(trx, row, labels);
    },

    /**
     * Writes only when the stored version still matches; returns false when it moved on.
     * The verification columns are left alone unless `clearVerification`: a check may have
     * landed since the row was read, and an edit must not put the older one back. The health
     * columns are never the editor's: only checks move them (integration-health).
     */
    async update(
      trx: Transaction<Database>,
      row: IntegrationRow,
      expectedVersion: number,
      labels: string[],
      clearVerification = false,
    ) {
      const {
        last_verification: _v,
        verification_run: _r,
        health_state: _h,
        failing_since: _f,
        recovered_at: _a,
        ...fields
      } = row;
      const result = await trx
        .updateTable('aws_integrations')
        .set(
          clearVerification
            ? { ...fields, last_verification: null, verification_run: null }
            : fields,
        )
        .where('id', '=', row.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await uncountLabels(trx, row.id);
      await trx.deleteFrom('integration_labels').where('integration_id', '=', row.id).execute();
      await insertLabels(trx, row, labels);
      return true;
    },

    /**
     * Outside the version: a verification is an observation, not an edit (the ETag still
     * changes, since it covers the body). `run` names the check that wrote it.
     */
    async saveVerification(id: string, json: string, run: string, executor: Executor = db) {
      await executor
        .updateTable('aws_integrations')
        .set({ last_verification: json, verification_run: run })
        .where('id', '=', id)
        .execute();
    },

    /** A background retry's progress; false once another run (or an edit) replaced its own. */
    async updateVerificationOf(
      id: string,
      run: string,
      json: string,
      executor: Executor = db,
    ): Promise<boolean> {
      const result = await executor
        .updateTable('aws_integrations')
        .set({ last_verification: json })
        .where('id', '=', id)
        .where('verification_run', '=', run)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * Role ARNs of integrations whose last verification passed: the accounts this console
     * knows roles in. The JSON is written by JSON.stringify with `ok` first, so a prefix
     * match finds passes in SQLite and PostgreSQL alike without JSON functions.
     */
    async verifiedRoleArns(): Promise<string[]> {
      const rows = await db
        .selectFrom('aws_integrations')
        .select('role_arn')
        .where('last_verification', 'like', '{"ok":true%')
        .execute();
      return rows.map((r) => r.role_arn);
    },

    async directStacks(id: string, executor: Executor = db): Promise<string[]> {
      const rows = await executor
        .selectFrom('attachments')
        .select('stack_slug')
        .where('integration_id', '=', id)
        .orderBy('stack_slug')
        .execute();
      return rows.map((r) => r.stack_slug);
    },

    async delete(trx: Transaction<Database>, id: string) {
      await uncountLabels(trx, id);
      const result = await trx
        .deleteFrom('aws_integrations')
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;
