import { ulid } from 'ulid';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { HealthRepository } from './repository.js';

/** What one scheduled check reports back; null when the integration is not ours to check. */
export type ScheduledCheck = (integrationId: string) => Promise<{ throttled: boolean } | null>;

export interface SchedulerOptions {
  intervalMs: number;
  /** Checks running at once in this process. */
  concurrency: number;
}

/** A check that outlives this is presumed dead with its replica; another may take it over. */
const LEASE_MS = 120_000;
const MAX_BACKOFF_MS = 300_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Re-verifies every integration Rolebridge can check, each about once per interval
 * (docs/decisions/013-health-checks-and-leases.md). Due integrations are leased from the
 * database, so two replicas never check the same one at once and each due check is taken
 * by exactly one of them. Throttling pauses this replica's claims with doubling backoff.
 */
export function createHealthScheduler(deps: {
  repo: HealthRepository;
  check: ScheduledCheck;
  clock: Clock;
  logger: Logger;
  options: SchedulerOptions;
}) {
  const { repo, clock, logger } = deps;
  const { intervalMs, concurrency } = deps.options;
  const owner = ulid();
  const running = new Set<Promise<void>>();
  // Short enough that a due check waits a small share of the interval, at most a second.
  const tickMs = Math.min(1_000, Math.max(100, Math.floor(intervalMs / 30)));
  let timer: NodeJS.Timeout | undefined;
  let claiming = false;
  let stopped = false;
  let backoffMs = 0;
  let pausedUntil = 0;
  let lastSweep = 0;

  const now = () => clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  /** Integrations with no schedule row get one, spread over the interval: no burst at start. */
  async function sweep() {
    lastSweep = now();
    for (;;) {
      const ids = await repo.unscheduled(1_000);
      if (ids.length === 0) return;
      await repo.scheduleMany(
        ids.map((integrationId) => ({
          integrationId,
          nextCheckAt: iso(now() + Math.random() * intervalMs),
        })),
      );
      if (ids.length < 1_000) return;
    }
  }

  /**
   * After downtime every row is overdue; checked as claimed, they would all go at once.
   * They are spread over a tenth of the interval instead.
   */
  async function spreadOverdue() {
    const ids = await repo.takeOverdue(iso(now()));
    const span = intervalMs / 10;
    await repo.scheduleMany(
      ids.map((integrationId) => ({
        integrationId,
        nextCheckAt: iso(now() + Math.random() * span),
      })),
    );
  }

  async function checkOne(integrationId: string) {
    let next: number | undefined;
    try {
      const result = await deps.check(integrationId);
      if (result === null) {
        await repo.unschedule(integrationId);
        return;
      }
      if (result.throttled) {
        backoffMs = Math.min(Math.max(backoffMs * 2, 1_000), MAX_BACKOFF_MS);
        pausedUntil = now() + backoffMs;
        next = pausedUntil;
        logger.warn({ integrationId, backoffMs }, 'scheduled check throttled; backing off');
      } else {
        backoffMs = 0;
      }
    } catch (err) {
      // Not a verdict on the role (the database or the network of this replica): try again soon.
      next = now() + Math.min(intervalMs, 60_000);
      logger.error({ err, integrationId }, 'scheduled integration check failed');
    }
    await repo.release(integrationId, owner, next === undefined ? undefined : iso(next));
  }

  async function fill() {
    if (claiming || stopped || now() < pausedUntil) return;
    const free = concurrency - running.size;
    if (free <= 0) return;
    claiming = true;
    let ids: string[];
    try {
      if (now() - lastSweep >= SWEEP_EVERY_MS) await sweep();
      ids = await repo.claimDue(owner, iso(now()), iso(now() + LEASE_MS), free);
    } finally {
      claiming = false;
    }
    for (const id of ids) {
      const task: Promise<void> = checkOne(id)
        .catch((err: unknown) => logger.error({ err }, 'releasing a health lease failed'))
        .finally(() => {
          running.delete(task);
          // A finished check frees a slot: take the next due one without waiting for a tick.
          tick();
        });
      running.add(task);
    }
  }

  function tick() {
    fill().catch((err: unknown) => logger.error({ err }, 'health scheduler tick failed'));
  }

  return {
    async start() {
      if (intervalMs <= 0 || timer || stopped) return;
      await spreadOverdue();
      await sweep();
      timer = setInterval(tick, tickMs);
    },
    /** Stops claiming and waits for the checks under way; their leases are released. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

export type HealthScheduler = ReturnType<typeof createHealthScheduler>;
