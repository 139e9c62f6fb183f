import { sql } from 'kysely';
import type { Db } from '../db/database.js';

export type SpaceRow = Awaited<
  ReturnType<ReturnType<typeof createSpacesRepository>['list']>
>[number];

export function createSpacesRepository(db: Db) {
  return {
    list() {
      return db.selectFrom('spaces').selectAll().orderBy('name').execute();
    },

    find(id: string) {
      return db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The space itself first, then each parent up to root. */
    async lineage(id: string): Promise<string[]> {
      const rows = await sql<{ id: string }>`
        WITH RECURSIVE up(id, parent_id, depth) AS (
          SELECT id, parent_id, 0 FROM spaces WHERE id = ${id}
          UNION ALL
          SELECT s.id, s.parent_id, up.depth + 1 FROM spaces s JOIN up ON s.id = up.parent_id
        )
        SELECT id FROM up ORDER BY depth`.execute(db);
      return rows.rows.map((r) => r.id);
    },

    /** The given spaces and everything below them. */
    async subtree(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await sql<{ id: string }>`
        WITH RECURSIVE down(id) AS (
          SELECT id FROM spaces WHERE id IN (${sql.join(ids)})
          UNION
          SELECT s.id FROM spaces s JOIN down ON s.parent_id = down.id
        )
        SELECT id FROM down`.execute(db);
      return rows.rows.map((r) => r.id);
    },

    insert(row: {
      id: string;
      name: string;
      parentId: string;
      description: string;
      inheritEntities: boolean;
      createdAt: string;
    }) {
      return db
        .insertInto('spaces')
        .values({
          id: row.id,
          name: row.name,
          parent_id: row.parentId,
          description: row.description,
          inherit_entities: row.inheritEntities ? 1 : 0,
          created_at: row.createdAt,
        })
        .execute();
    },

    update(id: string, patch: { name?: string; description?: string; inheritEntities?: boolean }) {
      return db
        .updateTable('spaces')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.inheritEntities !== undefined && {
            inherit_entities: patch.inheritEntities ? 1 : 0,
          }),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Every direct attachment as (stack's space, integration's space), for eligibility walks. */
    attachmentSpaces() {
      return db
        .selectFrom('attachments')
        .innerJoin('stacks', 'stacks.slug', 'attachments.stack_slug')
        .innerJoin('aws_integrations', 'aws_integrations.id', 'attachments.integration_id')
        .select([
          'stacks.slug as stackSlug',
          'stacks.space_id as stackSpaceId',
          'aws_integrations.name as integrationName',
          'aws_integrations.space_id as integrationSpaceId',
        ])
        .execute();
    },

    /** What keeps a space from being deleted: child spaces and the entities inside it. */
    async contents(id: string) {
      const [children, integrations, stacks, tokens, members] = await Promise.all([
        db.selectFrom('spaces').select('id').where('parent_id', '=', id).limit(1).execute(),
        db
          .selectFrom('aws_integrations')
          .select('id')
          .where('space_id', '=', id)
          .limit(1)
          .execute(),
        db.selectFrom('stacks').select('slug').where('space_id', '=', id).limit(1).execute(),
        db.selectFrom('api_tokens').select('id').where('space_id', '=', id).limit(1).execute(),
        db
          .selectFrom('memberships')
          .select('user_id')
          .where('space_id', '=', id)
          .limit(1)
          .execute(),
      ]);
      return {
        children: children.length,
        integrations: integrations.length,
        stacks: stacks.length,
        tokens: tokens.length,
        members: members.length,
      };
    },

    delete(id: string) {
      return db.deleteFrom('spaces').where('id', '=', id).execute();
    },

    async ensureRoot(createdAt: string) {
      await db
        .insertInto('spaces')
        .values({
          id: 'root',
          name: 'root',
          parent_id: null,
          description: 'The top of the space tree',
          inherit_entities: 0,
          created_at: createdAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },
  };
}

export type SpacesRepository = ReturnType<typeof createSpacesRepository>;
