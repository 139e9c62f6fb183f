import type { Verification } from '@rolebridge/contracts';
import { THROTTLE_CODES } from '../verification/hints.js';

/**
 * The state a verification moves its integration to, or null while it is not final: a
 * refusal still being retried (IAM propagating after a create or an edit) may yet pass.
 */
export function verdictOf(verification: Verification): 'healthy' | 'failing' | null {
  if (verification.retrying || verification.deferred) return null;
  if (verification.results.length === 0) return null;
  return verification.ok ? 'healthy' : 'failing';
}

/** Every refusal is AWS throttling us: nothing learned about the role itself. */
export function onlyThrottled(verification: Verification): boolean {
  const failed = verification.results.filter((r) => !r.ok);
  return failed.length > 0 && failed.every((r) => THROTTLE_CODES.has(r.error?.code ?? ''));
}
