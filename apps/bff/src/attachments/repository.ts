import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { withLabels, type StackWithLabels } from '../stacks/repository.js';
import type { AutoCandidate, DirectAttachment, IntegrationRef } from './resolve.js';

type Executor = Db | Transaction<Database>;
export const AUTOATTACH_PREFIX = 'autoattach:';

const integrationColumns = [
  'aws_integrations.id as integration_id',
  'aws_integrations.name as integration_name',
  'aws_integrations.space_id as integration_space_id',
  'aws_integrations.region as integration_region',
  'aws_integrations.assume_role_on_worker',
  'aws_integrations.updated_at as integration_updated_at',
] as const;

type IntegrationColumns = {
  integration_id: string;
  integration_name: string;
  integration_space_id: string;
  integration_region: string | null;
  assume_role_on_worker: number;
  integration_updated_at: string;
};

const refOf = (r: IntegrationColumns): IntegrationRef => ({
  id: r.integration_id,
  name: r.integration_name,
  spaceId: r.integration_space_id,
  region: r.integration_region,
  assumeRoleOnWorker: r.assume_role_on_worker === 1,
  updatedAt: r.integration_updated_at,
});

export function createAttachmentsRepository(db: Db) {
  async function autoLabelled(onlyId?: string) {
    let query = db
      .selectFrom('integration_labels')
      .innerJoin('aws_integrations', 'aws_integrations.id', 'integration_labels.integration_id')
      .select([...integrationColumns, 'label', 'autoattach_enabled'])
      .where(sql<boolean>`substr(label, 1, ${AUTOATTACH_PREFIX.length}) = ${AUTOATTACH_PREFIX}`);
    if (onlyId) query = query.where('aws_integrations.id', '=', onlyId);
    else query = query.where('autoattach_enabled', '=', 1);
    const rows = await query.orderBy('aws_integrations.id').execute();
    const byId = new Map<string, AutoCandidate & { enabled: boolean }>();
    for (const r of rows) {
      const target = r.label.slice(AUTOATTACH_PREFIX.length);
      const known = byId.get(r.integration_id);
      if (known) known.targets.push(target);
      else
        byId.set(r.integration_id, {
          integration: refOf(r),
          targets: [target],
          enabled: r.autoattach_enabled === 1,
        });
    }
    return [...byId.values()];
  }

  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) =>
      db.transaction().execute(fn),

    /** Direct attachments of these stacks, with what the console shows of each integration. */
    async directFor(slugs: string[], executor: Executor = db): Promise<DirectAttachment[]> {
      if (slugs.length === 0) return [];
      const rows = await executor
        .selectFrom('attachments')
        .innerJoin('aws_integrations', 'aws_integrations.id', 'attachments.integration_id')
        .select([...integrationColumns, 'stack_slug', 'read', 'write', 'attachments.created_at'])
        .where('stack_slug', 'in', slugs)
        .orderBy('attachments.created_at')
        .execute();
      return rows.map((r) => ({
        stackSlug: r.stack_slug,
        integration: refOf(r),
        read: r.read === 1,
        write: r.write === 1,
        createdAt: r.created_at,
      }));
    },

    async stacksAttachedTo(integrationId: string, executor: Executor = db): Promise<string[]> {
      const rows = await executor
        .selectFrom('attachments')
        .select('stack_slug')
        .where('integration_id', '=', integrationId)
        .orderBy('stack_slug')
        .execute();
      return rows.map((r) => r.stack_slug);
    },

    /** Integrations with auto-attach on and at least one `autoattach:` label; usually few. */
    async autoCandidates(onlyId?: string): Promise<AutoCandidate[]> {
      return (await autoLabelled(onlyId)).filter((c) => c.enabled);
    },

    /** The integration's `autoattach:` labels, also while auto-attach is off ("Used by" says why). */
    async autoLabels(id: string): Promise<(AutoCandidate & { enabled: boolean }) | undefined> {
      return (await autoLabelled(id))[0];
    },

    /** Stacks in these spaces carrying any of the labels (every stack for `*`). */
    async stacksLabelled(labels: string[], spaceIds: string[]): Promise<StackWithLabels[]> {
      if (labels.length === 0 || spaceIds.length === 0) return [];
      let query = db.selectFrom('stacks').selectAll().where('space_id', 'in', spaceIds);
      if (!labels.includes('*'))
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('stack_labels')
              .select(sql.lit(1).as('one'))
              .whereRef('stack_labels.stack_slug', '=', 'stacks.slug')
              .where('stack_labels.label', 'in', labels),
          ),
        );
      return withLabels(db, await query.orderBy('slug').execute());
    },

    async insert(
      trx: Transaction<Database>,
      row: { stackSlug: string; integrationId: string; read: boolean; write: boolean },
      meta: { createdAt: string; createdBy: string },
    ) {
      await trx
        .insertInto('attachments')
        .values({
          stack_slug: row.stackSlug,
          integration_id: row.integrationId,
          read: row.read ? 1 : 0,
          write: row.write ? 1 : 0,
          created_at: meta.createdAt,
          created_by: meta.createdBy,
        })
        .execute();
    },

    async setPhases(
      trx: Transaction<Database>,
      key: { stackSlug: string; integrationId: string },
      phases: { read: boolean; write: boolean },
    ) {
      await trx
        .updateTable('attachments')
        .set({ read: phases.read ? 1 : 0, write: phases.write ? 1 : 0 })
        .where('stack_slug', '=', key.stackSlug)
        .where('integration_id', '=', key.integrationId)
        .execute();
    },

    async delete(trx: Transaction<Database>, key: { stackSlug: string; integrationId: string }) {
      const result = await trx
        .deleteFrom('attachments')
        .where('stack_slug', '=', key.stackSlug)
        .where('integration_id', '=', key.integrationId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type AttachmentsRepository = ReturnType<typeof createAttachmentsRepository>;
