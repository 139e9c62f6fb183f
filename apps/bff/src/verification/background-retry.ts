import type { Hint, Verification, VerificationResult } from '@rolebridge/contracts';
import type { Clock } from '../clock.js';
import {
  checkPair,
  hintsFor,
  mayBePropagating,
  probeConfusedDeputy,
  type CheckContext,
} from './checks.js';
import { confusedDeputyHint } from './hints.js';
import { pause, type RetryPolicy } from './retry.js';
import type { Pair } from './targets.js';

/** Refused checks to try again while a role change may still be reaching STS. */
export interface RetryJob {
  pairs: Pair[];
  ctx: CheckContext;
  /** The first verdict's notes about the whole check, kept on every later write. */
  notes: Hint[];
}

/** `ok` first: the repository finds passing verifications by this prefix. */
export function verificationJson(verification: Verification): string {
  const { ok, ...rest } = verification;
  return JSON.stringify({ ok, ...rest });
}

const same = (a: Pair, b: Pair) => a.stackSlug === b.stackSlug && a.phase === b.phase;

/**
 * Retries with doubling delays until every check passes or the window closes, writing each
 * step to the integration's stored verification (attempt, elapsed, until) so the console,
 * served by any replica, shows progress and turns green by itself. It stops as soon as its
 * write is refused: a newer check or an edit of the role replaced its run.
 */
export async function keepRetrying(input: {
  job: RetryJob;
  first: Verification;
  policy: RetryPolicy;
  clock: Clock;
  signal: AbortSignal;
  /**
   * Writes the verification if this run is still the latest; false otherwise. `final` is
   * the last write (passed, or the window closed): the one that counts as a check.
   */
  save: (verification: Verification, final: boolean) => Promise<boolean>;
}): Promise<void> {
  const { job, policy, clock, signal } = input;
  const { ctx } = job;
  const startedAt = input.first.retrying?.startedAt ?? input.first.checkedAt ?? '';
  const started = Date.parse(startedAt);
  const retried = (r: VerificationResult) => !r.ok && job.pairs.some((p) => same(p, r));
  let current = input.first;
  let delay = policy.firstDelayMs;
  for (let attempt = 2; ; attempt++) {
    if (!(await pause(delay, signal))) return;
    const results = await Promise.all(
      current.results.map((r) =>
        retried(r) ? checkPair(ctx, r, attempt, 'retrying') : Promise.resolve(r),
      ),
    );
    const now = clock.now();
    const elapsedMs = Math.max(0, now.getTime() - started);
    delay = Math.min(delay * 2, policy.maxDelayMs);
    const waiting = results.some((r) => retried(r) && mayBePropagating(r));
    const more = waiting && elapsedMs + delay <= policy.windowMs;
    let next: Verification;
    if (results.every((r) => r.ok)) {
      // A probe sent before the role reached STS proves nothing; ask again now that it has.
      const probe = await probeConfusedDeputy(ctx);
      const hints = [...job.notes];
      if (probe.open) hints.push(confusedDeputyHint({ roleArn: ctx.integration.roleArn, ...ctx }));
      next = {
        ok: true,
        checkedAt: now.toISOString(),
        results,
        confusedDeputy: probe,
        hints,
      };
    } else {
      const { retrying: _done, ...rest } = current;
      next = {
        ...rest,
        checkedAt: now.toISOString(),
        results: more
          ? results
          : await Promise.all(
              results.map(async (r) =>
                retried(r) ? { ...r, hints: await hintsFor(ctx, r, 'exhausted') } : r,
              ),
            ),
        ...(more && {
          retrying: {
            attempt,
            startedAt,
            elapsedMs,
            until: new Date(started + policy.windowMs).toISOString(),
          },
        }),
      };
    }
    if (!(await input.save(next, !more || next.ok))) return;
    if (!more || next.ok) return;
    current = next;
  }
}
