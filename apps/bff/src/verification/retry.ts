/**
 * How long a refusal is retried in the background after a role change: IAM takes seconds,
 * at worst about a minute, to reach STS. No request waits for it.
 */
export interface RetryPolicy {
  /** No attempt starts once this much time has passed since the first one. */
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  windowMs: 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 8_000,
};

/** Resolves after `ms`, or at once (false) when the signal aborts: shutdown ends retries. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Background work that must not outlive the app: started tasks are tracked so shutdown (and
 * a test's teardown) can stop them and wait, instead of writing to a closed database.
 */
export function createBackgroundTasks(onError: (err: unknown) => void) {
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  return {
    signal: controller.signal,
    start(task: (signal: AbortSignal) => Promise<void>) {
      if (controller.signal.aborted) return;
      const p: Promise<void> = task(controller.signal)
        .catch(onError)
        .finally(() => running.delete(p));
      running.add(p);
    },
    /** Resolves once every task started so far has finished (tests wait on this). */
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async stop() {
      controller.abort();
      await this.idle();
    },
  };
}

export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;
