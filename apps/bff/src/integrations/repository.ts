import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export type IntegrationRow = Database['aws_integrations'];
export type IntegrationWithLabels = IntegrationRow & { labels: string[] };

export interface ListFilter {
  labels: string[];
  spaceIds: 'all' | string[];
  space?: string;
  q?: string;
  after?: { name: string; id: string };
  limit: number;
}

type Executor = Db | Transaction<Database>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Each row's labels, sorted, as JSON: one primary-key range scan per row, no second query. */
const labelsJson =
  sql<string>`(SELECT json_group_array(label ORDER BY label) FROM integration_labels l WHERE l.integration_id = aws_integrations.id)`.as(
    'labels_json',
  );

function withLabels<R extends { labels_json: string }>({ labels_json, ...row }: R) {
  return { ...row, labels: JSON.parse(labels_json) as string[] };
}

export function createIntegrationsRepository(db: Db) {
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

    async list(filter: ListFilter): Promise<IntegrationWithLabels[]> {
      let query = db.selectFrom('aws_integrations').selectAll().select(labelsJson);
      // One EXISTS probe per label while walking the name index: the page fills after a
      // few rows for common labels (see docs/decisions/002-label-filter-query.md).
      for (const label of filter.labels) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('integration_labels')
              .select(sql.lit(1).as('one'))
              .whereRef('integration_labels.integration_id', '=', 'aws_integrations.id')
              .where('integration_labels.label', '=', label),
          ),
        );
      }
      if (filter.spaceIds !== 'all')
        query = query.where('space_id', 'in', filter.spaceIds.length ? filter.spaceIds : ['']);
      if (filter.space) query = query.where('space_id', '=', filter.space);
      if (filter.q)
        query = query.where(sql<boolean>`name LIKE ${`%${escapeLike(filter.q)}%`} ESCAPE '\\'`);
      if (filter.after) {
        const { name, id } = filter.after;
        query = query.where((eb) =>
          eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
        );
      }
      const rows = await query.orderBy('name').orderBy('id').limit(filter.limit).execute();
      return rows.map(withLabels);
    },

    async insert(trx: Transaction<Database>, row: IntegrationRow, labels: string[]) {
      await trx.insertInto('aws_integrations').values(row).execute();
      if (labels.length) {
        await trx
          .insertInto('integration_labels')
          .values(labels.map((label) => ({ integration_id: row.id, label })))
          .execute();
      }
    },

    /** Writes only when the stored version still matches; returns false when it moved on. */
    async update(
      trx: Transaction<Database>,
      row: IntegrationRow,
      expectedVersion: number,
      labels: string[],
    ) {
      const result = await trx
        .updateTable('aws_integrations')
        .set(row)
        .where('id', '=', row.id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await trx.deleteFrom('integration_labels').where('integration_id', '=', row.id).execute();
      if (labels.length) {
        await trx
          .insertInto('integration_labels')
          .values(labels.map((label) => ({ integration_id: row.id, label })))
          .execute();
      }
      return true;
    },

    /** Outside the version: a verification is an observation, not an edit, so ETags stay. */
    async saveVerification(id: string, json: string) {
      await db
        .updateTable('aws_integrations')
        .set({ last_verification: json })
        .where('id', '=', id)
        .execute();
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
      const result = await trx
        .deleteFrom('aws_integrations')
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;
