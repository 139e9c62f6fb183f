// npm run bench:verify — wall time of POST /api/integrations/aws/:id/verify on the real BFF
// (HTTP, session auth, SQLite, audit) against the AWS sandbox answering every call 200 ms late.
// Read, write and the confused-deputy probe run in parallel, so one verification should cost
// about one AssumeRole (target ≤ 1.3×); 20 at once should cost little more.
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { anyStackPolicy, startBff } from './harness.js';
import { printInitialJsSize } from './web-size.js';

const LATENCY_MS = 200;
const ROUNDS = 5;
const CONCURRENT = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
async function timed(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const bff = await startBff('verify');
const { sandbox, sts } = bff;

try {
  const role = await bff.iam.send(
    new CreateRoleCommand({ RoleName: 'bench', AssumeRolePolicyDocument: anyStackPolicy }),
  );
  const roleArn = role.Role?.Arn ?? '';
  const cookie = await bff.login();
  const post = async (path: string, body: object) =>
    (await bff.post(path, body, cookie)).json as { ok?: boolean; integration?: { id: string } };
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENT; i++)
    ids.push(
      (await post('/api/integrations/aws', { name: `bench-${i}`, spaceId: 'root', roleArn }))
        .integration?.id ?? '',
    );

  sandbox.faults.setRegion('us-east-1', { latencyMs: LATENCY_MS });
  const client = sts.forRegion(null);
  const oneCall = () =>
    client.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'bench',
        ExternalId: 'demo@x@y@read',
      }),
    );
  const verify = async (id: string) => {
    const result = await post(`/api/integrations/aws/${id}/verify`, {});
    if (!result.ok) throw new Error(`verification failed: ${JSON.stringify(result)}`);
  };
  await oneCall();
  await verify(ids[0] ?? '');

  const single: number[] = [];
  const verification: number[] = [];
  const concurrent: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    single.push(await timed(oneCall));
    verification.push(await timed(() => verify(ids[0] ?? '')));
    concurrent.push(await timed(() => Promise.all(ids.map(verify))));
  }
  const one = median(single);
  const ver = median(verification);
  const rows = [
    ['one AssumeRole (SDK, direct)', one],
    ['one verification (read + write + probe, HTTP)', ver],
    [`${CONCURRENT} concurrent verifications`, median(concurrent)],
  ] as const;
  process.stdout.write(
    `\nSTS latency fault: ${LATENCY_MS} ms per call, median of ${ROUNDS} rounds\n`,
  );
  for (const [name, ms] of rows)
    process.stdout.write(`  ${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms\n`);
  const ratio = ver / one;
  process.stdout.write(
    `  verification / one call: ${ratio.toFixed(2)}× (target ≤ 1.3×) ${ratio <= 1.3 ? 'OK' : 'OVER'}\n`,
  );
  printInitialJsSize();
} finally {
  await bff.close();
}
