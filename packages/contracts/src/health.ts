import { z } from 'zod';
import { phase } from './verification.js';

/**
 * An integration's health, moved only by a final verdict (a check still retrying while IAM
 * propagates moves nothing): `unknown` until one, then `healthy` or `failing`.
 */
export const healthState = z.enum(['unknown', 'healthy', 'failing']);
export type HealthState = z.infer<typeof healthState>;

export const integrationHealth = z.object({
  state: healthState,
  /** When the current failure began; null unless failing. */
  failingSince: z.string().nullable(),
  /** When it last went from failing back to healthy; kept until it fails again. */
  recoveredAt: z.string().nullable(),
});
export type IntegrationHealth = z.infer<typeof integrationHealth>;

/** What started a check: the console's own actions, or the health scheduler. */
export const checkTrigger = z.enum(['create', 'attach', 'manual', 'edit', 'scheduled']);
export type CheckTrigger = z.infer<typeof checkTrigger>;

export const integrationCheck = z.object({
  id: z.string(),
  at: z.string(),
  trigger: checkTrigger,
  ok: z.boolean(),
  /** The refused (stack, phase) pairs with AWS's error code; empty when ok. */
  failures: z.array(z.object({ stackSlug: z.string(), phase, code: z.string() })),
});
export type IntegrationCheck = z.infer<typeof integrationCheck>;

/** `GET /api/integrations/aws/:id/checks`: the last checks, newest first. */
export const integrationChecks = z.object({ items: z.array(integrationCheck) });
export type IntegrationChecks = z.infer<typeof integrationChecks>;

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * `30s`, `15m`, `6h`, `1d` as milliseconds; `0` turns the scheduler off. At least 1 s:
 * shorter would spend AWS's AssumeRole quota on nothing a person could notice.
 */
export const healthInterval = z
  .string()
  .regex(/^(0|[1-9]\d*[smhd])$/, {
    error: 'must be 0 (off) or a number with s, m, h or d, e.g. 30s, 15m, 6h',
  })
  .transform((v) =>
    v === '0' ? 0 : Number(v.slice(0, -1)) * UNIT_MS[v.slice(-1) as keyof typeof UNIT_MS],
  )
  .refine((ms) => ms === 0 || ms <= 30 * UNIT_MS.d, { error: 'must be at most 30d' });
