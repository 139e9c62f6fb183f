import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** An AWS error name as a label value; anything odd is folded so the label set stays small. */
export function errorCode(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z][\w.]{0,63}$/.test(name) ? name : 'Other';
}

/**
 * One registry per app (not prom-client's global one), so several apps in a process (tests,
 * replicas in one test) each count their own. Names follow Prometheus conventions: a
 * `rolebridge_` prefix, `_total` counters, base units (seconds).
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    verifications: new Counter({
      name: 'rolebridge_verifications_total',
      help: 'Integration verifications by trigger and result (ok, failed)',
      labelNames: ['trigger', 'result'] as const,
      registers,
    }),
    assumeRoleSeconds: new Histogram({
      name: 'rolebridge_assume_role_duration_seconds',
      // Unlabelled: failures are counted by code below, and one series keeps it cheap.
      help: 'sts:AssumeRole call latency, SDK retries included, answered or failed',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    assumeRoleErrors: new Counter({
      name: 'rolebridge_assume_role_errors_total',
      help: 'sts:AssumeRole failures by AWS error code',
      labelNames: ['code'] as const,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'rolebridge_webhook_deliveries_total',
      help: 'Webhook delivery attempts by result (delivered, retrying, failed: gave up)',
      labelNames: ['result'] as const,
      registers,
    }),
    /** A gauge read from `read` at each scrape, so it is never stale and costs nothing between. */
    gaugeAtScrape(
      name: string,
      help: string,
      label: string,
      read: () => Promise<Record<string, number>>,
    ) {
      return new Gauge({
        name,
        help,
        labelNames: [label],
        registers,
        async collect() {
          this.reset();
          for (const [value, count] of Object.entries(await read()))
            this.set({ [label]: value }, count);
        },
      });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
