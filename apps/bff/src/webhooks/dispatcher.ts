import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { DeliveryRow, WebhooksRepository } from './repository.js';
import type { SecretBox } from './secret-box.js';
import { send, type SendResult } from './send.js';

export interface DeliveryPolicy {
  /** How often each replica looks for due deliveries (retries, another replica's work). */
  pollMs: number;
  /** Per attempt; a receiver that takes longer has failed this attempt. */
  timeoutMs: number;
  /** Wait before attempt n+2 after attempt n+1 failed; its length + 1 is the most attempts. */
  backoffMs: number[];
}

/** 8 attempts over about 4.5 hours, then the delivery is marked failed. */
export const defaultDeliveryPolicy: DeliveryPolicy = {
  pollMs: 2_000,
  timeoutMs: 10_000,
  backoffMs: [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 10_800_000],
};

/**
 * Sends queued deliveries. Every replica runs one: it polls for due rows and claims each
 * with a conditional UPDATE (a lease), so a delivery is sent by one replica at a time, and
 * retries, kept in the database, survive a restart. A replica that dies mid-send leaves a
 * lease that runs out, and another replica sends again: at least once, so receivers should
 * de-duplicate on X-Rolebridge-Delivery (decision 011).
 */
export function createDeliveryDispatcher(deps: {
  repo: WebhooksRepository;
  box: SecretBox | null;
  clock: Clock;
  logger: Logger;
  policy: DeliveryPolicy;
  onResult: (result: 'delivered' | 'retrying' | 'failed') => void;
  /** Queues what is waiting to become deliveries (recorded state changes), before each pass. */
  beforePass?: () => Promise<void>;
}) {
  const { repo, clock, policy } = deps;
  const leaseMs = policy.timeoutMs + 30_000;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let passing: Promise<void> | null = null;
  let again = false;
  const inFlight = new Set<Promise<unknown>>();

  /** `held`: this replica queued the delivery with its lease already taken. */
  async function attempt(id: string, held = false): Promise<boolean> {
    const now = clock.now().getTime();
    if (!held && !(await repo.claim(id, now, now + leaseMs))) return false;
    const delivery = await repo.findDelivery(id);
    const webhook = delivery && (await repo.find(delivery.webhook_id));
    if (!delivery || !webhook) return false;
    let result: SendResult;
    try {
      if (!deps.box) throw new Error('No secrets key: set ROLEBRIDGE_SECRETS_KEY');
      const secret = deps.box.open(webhook.secret_encrypted, webhook.id);
      result = await send(
        { url: webhook.url, deliveryId: id, event: delivery.event, body: delivery.payload, secret },
        policy.timeoutMs,
      );
    } catch (err) {
      deps.logger.error({ err, deliveryId: id }, 'webhook secret could not be read');
      result = {
        ok: false,
        status: null,
        error: 'The secret could not be decrypted with this key',
      };
    }
    const attempts = delivery.attempts + 1;
    const wait = policy.backoffMs[attempts - 1];
    const status = result.ok ? 'delivered' : wait === undefined ? 'failed' : 'pending';
    const at = clock.now();
    await repo.recordAttempt(id, {
      status,
      responseStatus: result.status,
      lastError: result.error,
      at: at.toISOString(),
      next: status === 'pending' ? at.getTime() + (wait ?? 0) : null,
    });
    deps.onResult(status === 'pending' ? 'retrying' : status);
    if (status === 'failed')
      deps.logger.warn({ deliveryId: id, webhookId: webhook.id }, 'webhook delivery gave up');
    return true;
  }

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  async function pass() {
    do {
      again = false;
      await deps
        .beforePass?.()
        .catch((err: unknown) =>
          deps.logger.error({ err }, 'queueing state change deliveries failed'),
        );
      const ids = await repo.due(clock.now().getTime(), 20);
      await Promise.all(ids.map((id) => track(attempt(id))));
    } while (again && !stopped);
  }

  /** One pass at a time; a kick during a pass asks for another one right after. */
  function runPass() {
    if (stopped) return Promise.resolve();
    if (passing) {
      again = true;
      return passing;
    }
    passing = pass()
      .catch((err: unknown) => deps.logger.error({ err }, 'webhook delivery pass failed'))
      .finally(() => {
        passing = null;
      });
    return passing;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runPass().finally(schedule);
    }, policy.pollMs);
    // Polling alone never keeps a process (or a test run) alive.
    timer.unref();
  }

  return {
    start() {
      stopped = false;
      if (!timer) schedule();
    },
    /** New deliveries (or state changes to queue) were recorded: send now, not at the next poll. */
    kick() {
      void runPass();
    },
    /**
     * Queues a delivery and makes its first attempt now, awaited ("Send test"). It is queued
     * with this replica's lease already on it, so no poll here or on another replica takes
     * it in between and leaves the caller reading it as still pending.
     */
    async deliverNow(row: DeliveryRow) {
      await repo.enqueue([{ ...row, lease_until: clock.now().getTime() + leaseMs }]);
      await track(attempt(row.id, true));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await passing;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type DeliveryDispatcher = ReturnType<typeof createDeliveryDispatcher>;
