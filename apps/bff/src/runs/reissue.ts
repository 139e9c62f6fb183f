import type { AccountService } from '../account/service.js';
import { Gone } from '../http/errors.js';
import { assumeForRun } from './assume.js';
import type { Lookup } from './credential-store.js';
import type { RunRow } from './repository.js';
import type { RunsDeps } from './service.js';

/** STS issues nothing shorter (DurationSeconds' minimum). */
export const STS_MIN_DURATION_SECONDS = 900;

/**
 * What is left of the run, in whole seconds, within the integration's duration. In a run's
 * last 15 minutes STS's minimum wins: the re-issued credentials then outlive the run's
 * recorded expiry by up to 15 minutes, and the answer says when they really expire.
 */
export function reissueDurationSeconds(run: RunRow, now: number): number {
  const left = Math.floor((Date.parse(run.expires_at ?? '') - now) / 1000);
  return Math.min(run.duration_seconds ?? 3600, Math.max(STS_MIN_DURATION_SECONDS, left));
}

type Held = Extract<Lookup, { state: 'ok' }>;

/**
 * A run's credentials on whichever replica the worker asks (decision 010): those this process
 * issued or re-issued, else a new AssumeRole of the run's recorded role, external ID and
 * session name. Concurrent asks for one run share one AssumeRole.
 */
export function createRunReissuer(
  deps: Pick<RunsDeps, 'sts' | 'audit' | 'credentials' | 'cli'> & { account: AccountService },
) {
  const inFlight = new Map<string, Promise<Held>>();

  async function reissue(run: RunRow, actor: string, now: number): Promise<Held> {
    const { name: accountName, platformPrincipal } = await deps.account.current();
    const issued = await assumeForRun(deps, {
      row: run,
      actor,
      accountName,
      platformAccountId: platformPrincipal?.accountId ?? null,
      reissue: { durationSeconds: reissueDurationSeconds(run, now) },
    });
    return { state: 'ok', variables: issued.held.variables, expiresAt: issued.held.expiresAt };
  }

  return {
    /** The run's credentials; `run` is live (not past its recorded expiry). */
    async credentials(run: RunRow, actor: string, now: number): Promise<Held> {
      const held = deps.credentials.get(run.id, now);
      if (held.state === 'ok') return held;
      // Runs from before migration 060 recorded no session name to issue again.
      if (run.session_name === null)
        throw new Gone(
          'run_credentials_unavailable',
          `Run ${run.id} started before this version of Rolebridge and its credentials can no longer be issued; start a new run`,
        );
      let pending = inFlight.get(run.id);
      if (!pending) {
        pending = reissue(run, actor, now).finally(() => inFlight.delete(run.id));
        inFlight.set(run.id, pending);
      }
      return pending;
    },
  };
}

export type RunReissuer = ReturnType<typeof createRunReissuer>;
