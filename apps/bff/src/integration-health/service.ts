import { ulid } from 'ulid';
import type {
  CheckTrigger,
  IntegrationCheck,
  IntegrationChecks,
  Verification,
} from '@rolebridge/contracts';
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { verificationJson } from '../verification/background-retry.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { IntegrationsService } from '../integrations/service.js';
import type { IntegrationStateChange, StateChangeListener } from './events.js';
import type { StateChangeOutbox } from './outbox.js';
import type { HealthRepository } from './repository.js';
import { onlyThrottled, verdictOf } from './verdict.js';

export interface CheckRecord {
  integrationId: string;
  trigger: CheckTrigger;
  verification: Verification;
  /**
   * How the verification becomes the integration's last one: `save` replaces it (a new
   * run), `update` only while `run` still wrote the stored one (a background retry's final
   * verdict); null records the check in the history alone (a refused attach).
   */
  store: { mode: 'save' | 'update'; run: string } | null;
}

/** The next check lands between 90 % and 100 % of the interval, never later. */
export const jittered = (intervalMs: number) => intervalMs * (0.9 + Math.random() * 0.1);

const PHASE_OF = { read: 'plan', write: 'apply' } as const;

export function createIntegrationHealth(deps: {
  repo: HealthRepository;
  outbox: StateChangeOutbox;
  integrationsRepo: IntegrationsRepository;
  integrations: IntegrationsService;
  clock: Clock;
  logger: Logger;
  /** Scheduled check interval; 0 when the scheduler is off (nothing is scheduled). */
  intervalMs: number;
}) {
  const { repo, integrationsRepo } = deps;
  const listeners: StateChangeListener[] = [];

  function changeOf(
    input: CheckRecord,
    at: string,
    kind: 'failing' | 'recovered',
  ): IntegrationStateChange {
    const failed = input.verification.results.filter((r) => !r.ok);
    return {
      type: kind === 'failing' ? 'integration.failing' : 'integration.recovered',
      integrationId: input.integrationId,
      at,
      trigger: input.trigger,
      failingSince: kind === 'failing' ? at : null,
      failures:
        kind === 'failing'
          ? failed.map((r) => ({
              stackSlug: r.stackSlug,
              phase: PHASE_OF[r.phase],
              code: r.error?.code ?? 'Unknown',
            }))
          : [],
      firstHint: kind === 'failing' ? (failed[0]?.hints[0]?.title ?? null) : null,
    };
  }

  async function emit(change: IntegrationStateChange) {
    for (const listener of listeners) {
      try {
        await listener(change);
      } catch (err) {
        // The change is in the outbox: the next delivery pass queues it all the same.
        deps.logger.error(
          { err, integrationId: change.integrationId, type: change.type },
          'integration state change listener failed',
        );
      }
    }
  }

  return {
    /**
     * Called once per state change, after the check that made it is committed; the change is
     * already in the outbox (written in that transaction), so a listener only hurries it on.
     */
    onStateChange(listener: StateChangeListener) {
      listeners.push(listener);
    },

    /**
     * Every check goes through here: the history row, the stored verification, the state
     * and the next scheduled check in one transaction. Returns false when a retry's verdict
     * was not stored because a newer check replaced its run.
     */
    async record(input: CheckRecord): Promise<boolean> {
      const { verification, integrationId, store } = input;
      const at = verification.checkedAt ?? deps.clock.now().toISOString();
      const failures: IntegrationCheck['failures'] = verification.results
        .filter((r) => !r.ok)
        .map((r) => ({ stackSlug: r.stackSlug, phase: r.phase, code: r.error?.code ?? 'Unknown' }));
      const outcome = await repo.transaction(async (trx) => {
        let stored = false;
        if (store?.mode === 'save') {
          await integrationsRepo.saveVerification(
            integrationId,
            verificationJson(verification),
            store.run,
            trx,
          );
          stored = true;
        } else if (store?.mode === 'update') {
          stored = await integrationsRepo.updateVerificationOf(
            integrationId,
            store.run,
            verificationJson(verification),
            trx,
          );
          if (!stored) return { stored, change: null };
        }
        await repo.insertCheck(trx, {
          id: ulid(),
          integrationId,
          at,
          trigger: input.trigger,
          ok: verification.ok,
          failures,
        });
        if (!stored) return { stored, change: null };
        if (deps.intervalMs > 0)
          await repo.scheduleAt(
            trx,
            integrationId,
            new Date(Date.parse(at) + jittered(deps.intervalMs)).toISOString(),
          );
        // Throttling says nothing about the role: the state stays until a real answer.
        const verdict = onlyThrottled(verification) ? null : verdictOf(verification);
        const transition = verdict ? await repo.transition(trx, integrationId, verdict, at) : null;
        const change =
          transition === 'failing' || transition === 'recovered'
            ? changeOf(input, at, transition)
            : null;
        if (change) await deps.outbox.add(trx, ulid(), change, at);
        return { stored, change };
      });
      if (outcome.change) await emit(outcome.change);
      return outcome.stored;
    },

    /** The last checks of an integration the caller may read, newest first. */
    async checks(principal: Principal, id: string, limit = 20): Promise<IntegrationChecks> {
      await deps.integrations.get(principal, id);
      return { items: await repo.checks(id, limit) };
    },
  };
}

export type IntegrationHealth = ReturnType<typeof createIntegrationHealth>;
