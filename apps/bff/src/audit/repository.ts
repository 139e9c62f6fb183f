import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';

export interface AuditEntry {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  /** Never a secret: callers pass ids, names and outcomes only. */
  detail?: Record<string, unknown>;
}

export function createAuditLog(db: Db, clock: Clock) {
  return {
    async record(entry: AuditEntry, trx: Pick<Db, 'insertInto'> = db) {
      await trx
        .insertInto('audit_events')
        .values({
          at: clock.now().toISOString(),
          actor: entry.actor,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          detail: JSON.stringify(entry.detail ?? {}),
        })
        .execute();
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
