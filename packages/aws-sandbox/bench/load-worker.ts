import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

// One load-generating process (forked with IPC): its own SDK client and `callers`
// concurrent AssumeRole loops. Several of them, because on a small machine one JS thread
// running the SDK saturates before a fast server does.

export interface LoadJob {
  url: string;
  roleArn: string;
  caller: { accessKeyId: string; secretAccessKey: string };
  callers: number;
}

export interface LoadWindow {
  /** Epoch ms: loops run from now, and latencies count from startAt until endAt. */
  startAt: number;
  endAt: number;
}

export interface LoadReport {
  latencies: Float64Array;
  errors: number;
  /** The first failure's message, so a broken setup is reported, not averaged. */
  firstError: string | null;
}

const send = (message: LoadReport | 'ready') => {
  if (!process.send) throw new Error('load-worker must be forked with an IPC channel');
  process.send(message);
};

process.once('message', (job: LoadJob) => {
  const sts = new STSClient({
    endpoint: job.url,
    region: 'us-east-1',
    credentials: job.caller,
    maxAttempts: 1,
  });
  const input = {
    RoleArn: job.roleArn,
    RoleSessionName: 'bench',
    ExternalId: 'demo@01J9ZX3V6Q8K2M4N5P7R9S0T1U@stack-a@read',
  };
  process.once('message', (window: LoadWindow) => {
    const latencies: number[] = [];
    let errors = 0;
    let firstError: string | null = null;
    const loop = async () => {
      for (;;) {
        const sent = Date.now();
        if (sent >= window.endAt) return;
        const started = performance.now();
        try {
          await sts.send(new AssumeRoleCommand(input));
          if (sent >= window.startAt) latencies.push(performance.now() - started);
        } catch (err) {
          errors++;
          firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
      }
    };
    void Promise.all(Array.from({ length: job.callers }, loop)).then(() => {
      sts.destroy();
      send({ latencies: Float64Array.from(latencies), errors, firstError });
    });
  });
  send('ready');
});
