import type { HealthState, VerificationStatus } from '@rolebridge/contracts';

/**
 * The list's `?status=` reads the health state (integration-health), which only final
 * verdicts move: a check still retrying while IAM propagates leaves it where it was.
 * Migration 090 indexes (health_state, name, id), so each status walks in list order.
 */
export const healthStateOf: Record<VerificationStatus, HealthState> = {
  verified: 'healthy',
  failing: 'failing',
  'not-checked': 'unknown',
};
