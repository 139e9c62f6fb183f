import type { Verification } from '@rolebridge/contracts';

/**
 * The one reading of a verification that every badge and heading shows, so a page never
 * says "could not be assumed" next to a green "Verified".
 */
export type Verdict = 'unverified' | 'deferred' | 'retrying' | 'verified' | 'failing';

export const verdictLabels: Record<Verdict, string> = {
  unverified: 'Not verified',
  deferred: 'Checked on attach',
  retrying: 'Retrying',
  verified: 'Verified',
  failing: 'Failing',
};

/**
 * A retry whose window has passed without a final write was abandoned (its server stopped),
 * so it no longer counts as under way.
 */
export function activeRetry(verification: Verification | null, now = Date.now()) {
  const retry = verification?.retrying;
  return retry && Date.parse(retry.until) > now ? retry : undefined;
}

export function verdictOf(verification: Verification | null, now = Date.now()): Verdict {
  if (verification === null) return 'unverified';
  if (verification.ok) return 'verified';
  if (verification.deferred) return 'deferred';
  return activeRetry(verification, now) ? 'retrying' : 'failing';
}
