import { z } from 'zod';
import { actorRef, typedRef } from './names.js';
import { limit } from './pagination.js';

export const auditEvent = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.record(z.string(), z.unknown()),
  /** `actor`, `targetId` and the ids in `detail`, with the names a person reads. */
  by: actorRef,
  target: typedRef,
  /** Per key of `detail` holding an id (`spaceId`, `integrationId`, …): what it names. */
  refs: z.record(z.string(), typedRef),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Newest first; `cursor` is the id of the last event of the previous page. */
export const listAuditQuery = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z_.]{1,64}$/, { error: 'An action looks like integration.create' })
    .optional(),
  actor: z.string().max(300).optional(),
  limit,
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'cursor is not valid' })
    .optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditList = z.object({
  items: z.array(auditEvent),
  nextCursor: z.string().nullable(),
});
