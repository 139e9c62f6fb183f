/** How long AccessDenied is retried after a role change: IAM takes seconds to reach STS. */
export interface RetryPolicy {
  /** Give up once this much time has passed since the first attempt. */
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  windowMs: 20_000,
  firstDelayMs: 500,
  maxDelayMs: 4_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
};

/** Runs `attempt` until `again` says no or the window closes; doubling delays, capped. */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  again: (result: T) => boolean,
): Promise<{ result: T; attempts: number }> {
  const started = policy.now();
  let delay = policy.firstDelayMs;
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    const elapsed = policy.now() - started;
    if (!again(result) || elapsed + delay > policy.windowMs) return { result, attempts: n };
    await policy.sleep(delay);
    delay = Math.min(delay * 2, policy.maxDelayMs);
  }
}
