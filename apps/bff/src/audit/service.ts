import type { AuditEvent, ListAuditQuery } from '@rolebridge/contracts';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { NamesRepository, Reference } from '../names/repository.js';
import type { SpacesService } from '../spaces/service.js';

/** Keys of an event's detail that hold an id, and what kind of thing it names. */
const DETAIL_REFS: Record<string, string> = {
  spaceId: 'space',
  parentId: 'space',
  integrationId: 'aws_integration',
  stackSlug: 'stack',
  userId: 'user',
};

function detailRefs(detail: Record<string, unknown>): [string, Reference][] {
  return Object.entries(DETAIL_REFS).flatMap(([key, type]) => {
    const id = detail[key];
    return typeof id === 'string' ? [[key, { type, id }] as [string, Reference]] : [];
  });
}

/** Reading the audit log: root admins only, since it spans every space. */
export function createAuditService(deps: {
  db: Db;
  spaces: SpacesService;
  names: NamesRepository;
}) {
  const { db, spaces } = deps;
  return {
    async list(principal: Principal, query: ListAuditQuery) {
      await spaces.requireRole(principal, 'root', 'admin');
      let q = db.selectFrom('audit_events').selectAll();
      if (query.action) q = q.where('action', '=', query.action);
      if (query.actor) q = q.where('actor', '=', query.actor);
      if (query.cursor) q = q.where('id', '<', Number(query.cursor));
      const rows = await q
        .orderBy('id', 'desc')
        .limit(query.limit + 1)
        .execute();
      const page = rows.slice(0, query.limit).map((r) => ({
        row: r,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
      // Names now, not at the time of the event: a renamed stack reads as it is called today.
      const names = await deps.names.resolve(
        page.flatMap(({ row, detail }) => [
          { type: row.target_type, id: row.target_id },
          ...detailRefs(detail).map(([, ref]) => ref),
        ]),
        page.map(({ row }) => row.actor),
      );
      const items: AuditEvent[] = page.map(({ row: r, detail }) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail,
        by: names.actor(r.actor),
        target: names.ref(r.target_type, r.target_id),
        refs: Object.fromEntries(
          detailRefs(detail).map(([key, { type, id }]) => [key, names.ref(type, id)]),
        ),
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
