import type { AuditEvent, ListAuditQuery } from '@rolebridge/contracts';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { SpacesService } from '../spaces/service.js';

/** Reading the audit log: root admins only, since it spans every space. */
export function createAuditService(deps: { db: Db; spaces: SpacesService }) {
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
      const items: AuditEvent[] = rows.slice(0, query.limit).map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? String(last.id) : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
