import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import { containsText, dialectOf } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

export type StackRow = Database['stacks'];
export type StackWithLabels = StackRow & { labels: string[] };
type Executor = Db | Transaction<Database>;

export interface StackListFilter {
  spaceIds: 'all' | string[];
  space?: string;
  q?: string;
  after?: string;
  limit: number;
}

export async function withLabels(db: Executor, rows: StackRow[]): Promise<StackWithLabels[]> {
  if (rows.length === 0) return [];
  const labels = await db
    .selectFrom('stack_labels')
    .select(['stack_slug', 'label'])
    .where(
      'stack_slug',
      'in',
      rows.map((r) => r.slug),
    )
    .orderBy('label')
    .execute();
  const bySlug = new Map<string, string[]>();
  for (const { stack_slug, label } of labels) {
    const list = bySlug.get(stack_slug);
    if (list) list.push(label);
    else bySlug.set(stack_slug, [label]);
  }
  return rows.map((row) => ({ ...row, labels: bySlug.get(row.slug) ?? [] }));
}

async function replaceLabels(trx: Transaction<Database>, slug: string, labels: string[]) {
  await trx.deleteFrom('stack_labels').where('stack_slug', '=', slug).execute();
  if (labels.length)
    await trx
      .insertInto('stack_labels')
      .values(labels.map((label) => ({ stack_slug: slug, label })))
      .execute();
}

export function createStacksRepository(db: Db) {
  const dialect = dialectOf(db);
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute(fn),

    async find(slug: string, executor: Executor = db): Promise<StackWithLabels | undefined> {
      const row = await executor
        .selectFrom('stacks')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? (await withLabels(executor, [row]))[0] : undefined;
    },

    async findMany(slugs: string[], executor: Executor = db): Promise<StackWithLabels[]> {
      if (slugs.length === 0) return [];
      const rows = await executor
        .selectFrom('stacks')
        .selectAll()
        .where('slug', 'in', slugs)
        .orderBy('slug')
        .execute();
      return withLabels(executor, rows);
    },

    /** Sorted by slug, the keyset the cursor walks. */
    async list(filter: StackListFilter): Promise<StackWithLabels[]> {
      let query = db.selectFrom('stacks').selectAll();
      if (filter.spaceIds !== 'all')
        query = query.where('space_id', 'in', filter.spaceIds.length ? filter.spaceIds : ['']);
      if (filter.space) query = query.where('space_id', '=', filter.space);
      if (filter.q) {
        query = query.where(containsText(dialect, ['name', 'slug'], filter.q));
      }
      if (filter.after) query = query.where('slug', '>', filter.after);
      const rows = await query.orderBy('slug').limit(filter.limit).execute();
      return withLabels(db, rows);
    },

    async insert(trx: Transaction<Database>, row: StackRow, labels: string[]) {
      const inserted = await trx
        .insertInto('stacks')
        .values(row)
        .onConflict((oc) => oc.column('slug').doNothing())
        .executeTakeFirst();
      if (!inserted.numInsertedOrUpdatedRows) return false;
      await replaceLabels(trx, row.slug, labels);
      return true;
    },

    /** Writes only when the stored version still matches; false when it moved on. */
    async update(trx: Transaction<Database>, row: StackRow, expected: number, labels: string[]) {
      const result = await trx
        .updateTable('stacks')
        .set(row)
        .where('slug', '=', row.slug)
        .where('version', '=', expected)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await replaceLabels(trx, row.slug, labels);
      return true;
    },

    /** Labels, direct attachments and runs go with it (ON DELETE CASCADE). */
    async delete(trx: Transaction<Database>, slug: string) {
      const runs = await trx
        .selectFrom('runs')
        .select(sql<number>`count(*)`.as('n'))
        .where('stack_slug', '=', slug)
        .executeTakeFirst();
      await trx.deleteFrom('stacks').where('slug', '=', slug).execute();
      return { runs: Number(runs?.n ?? 0) };
    },
  };
}

export type StacksRepository = ReturnType<typeof createStacksRepository>;
