// npm run bench:runs — runs started per second on the real BFF (HTTP, worker-token auth,
// SQLite, audit, computed auto-attachment) for 100 stacks sharing one integration, against
// the AWS sandbox. AssumeRole calls are counted at the sandbox: target exactly one per run
// (a run has one phase, and one integration is attached per phase).
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { anyStackPolicy, startBff } from './harness.js';

const STACKS = 100;
const ROUNDS = 10;

let assumeRoleCalls = 0;
const bff = await startBff('runs', {
  logger: {
    info: (entry: object) => {
      if ((entry as { action?: string }).action === 'AssumeRole') assumeRoleCalls++;
    },
  },
});
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

try {
  const role = await bff.iam.send(
    new CreateRoleCommand({ RoleName: 'bench-runs', AssumeRolePolicyDocument: anyStackPolicy }),
  );
  const cookie = await bff.login();
  await bff.post(
    '/api/integrations/aws',
    {
      name: 'shared',
      spaceId: 'root',
      roleArn: role.Role?.Arn ?? '',
      labels: ['autoattach:bench'],
      autoattachEnabled: true,
    },
    cookie,
  );
  for (let i = 0; i < STACKS; i++)
    await bff.post(
      '/api/stacks',
      { slug: `stack-${i}`, name: `Stack ${i}`, spaceId: 'root', labels: ['bench'] },
      cookie,
    );
  const token = (
    await bff.post('/api/tokens', { name: 'bench worker', role: 'worker', spaceId: 'root' }, cookie)
  ).json.token as string;
  const worker = { authorization: `Bearer ${token}` };

  const startRun = async (i: number) => {
    const started = performance.now();
    await bff.post(`/api/stacks/stack-${i}/runs`, { phase: i % 2 ? 'apply' : 'plan' }, worker);
    return performance.now() - started;
  };
  await Promise.all(Array.from({ length: STACKS }, (_, i) => startRun(i))); // warm up
  assumeRoleCalls = 0;
  const latencies: number[] = [];
  const began = performance.now();
  for (let r = 0; r < ROUNDS; r++)
    latencies.push(...(await Promise.all(Array.from({ length: STACKS }, (_, i) => startRun(i)))));
  const seconds = (performance.now() - began) / 1000;
  const runs = latencies.length;
  const perRun = assumeRoleCalls / runs;
  const line = (name: string, value: string) =>
    process.stdout.write(`  ${name.padEnd(40)} ${value}\n`);
  process.stdout.write(
    `\n${runs} runs: ${STACKS} stacks sharing one auto-attached integration, ${STACKS} at a time\n`,
  );
  line('runs started per second', (runs / seconds).toFixed(0));
  line('latency p50', `${percentile(latencies, 50).toFixed(1)} ms`);
  line('latency p99', `${percentile(latencies, 99).toFixed(1)} ms`);
  line(
    'STS AssumeRole calls per run',
    `${perRun.toFixed(2)} (target 1.00) ${perRun === 1 ? 'OK' : 'OFF'}`,
  );
  process.stdout.write('\n');
} finally {
  await bff.close();
}
