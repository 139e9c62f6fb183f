// Run with `npm run bench:trust-policy`. Plain script: prints throughput and latency.
import {
  analyzeTrustPolicy,
  evaluateTrustPolicy,
  externalIdsFor,
  generateTrustPolicy,
  parseTrustPolicy,
} from '../src/index.js';

const PLATFORM = '111111111111';
const CALLER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;
const ULID = '01HZY3K8Q4V6W2X9T5R7M1N0PA';

function measure(
  label: string,
  unit: 'µs' | 'ms',
  minMs: number,
  fn: (i: number) => unknown,
): void {
  for (let i = 0; i < 2000; i++) fn(i); // warm up the JIT
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i++) fn(runs++);
    elapsed = performance.now() - started;
  }
  const perRun = unit === 'µs' ? (elapsed * 1000) / runs : elapsed / runs;
  console.log(
    `${label}: ${Math.round((runs / elapsed) * 1000).toLocaleString('en-US')}/s, ${perRun.toFixed(unit === 'µs' ? 2 : 3)} ${unit} each (${runs.toLocaleString('en-US')} runs)`,
  );
}

// Five statements with StringLike conditions; only the last one lets the ID in, so every run evaluates all five.
const statements = [
  ...['other-a', 'other-b', 'other-c'].map((account) => ({
    Effect: 'Allow',
    Principal: { AWS: PLATFORM },
    Action: 'sts:AssumeRole',
    Condition: { StringLike: { 'sts:ExternalId': `${account}@*@stack-*@*` } },
  })),
  {
    Effect: 'Deny',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { StringLike: { 'sts:ExternalId': '*@*@blocked-*@write' } },
  },
  {
    Effect: 'Allow',
    Principal: { AWS: [`arn:aws:iam::${PLATFORM}:root`, '333333333333'] },
    Action: 'sts:AssumeRole',
    Condition: {
      StringLike: {
        'sts:ExternalId': ['demo@*@stack-?@*', 'demo@*@app-*@read'],
        'sts:RoleSessionName': '*',
      },
    },
  },
];
const parsed = parseTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const policy = parsed.policy;
const requests = Array.from({ length: 64 }, (_, i) => ({
  principalArn: CALLER,
  externalId: `demo@${ULID}@stack-${i % 10}@${i % 2 ? 'read' : 'write'}`,
  roleSessionName: `run-${i}`,
}));
if (evaluateTrustPolicy(policy, requests[0] ?? { principalArn: CALLER }).decision !== 'allow')
  throw new Error('benchmark policy should allow');

measure('evaluate (5 statements, StringLike)', 'µs', 1500, (i) =>
  evaluateTrustPolicy(policy, requests[i & 63] ?? { principalArn: CALLER }),
);

const stacks = Array.from({ length: 50 }, (_, i) => `stack-${i}`);
const externalIds = externalIdsFor({ accountName: 'demo', integrationId: ULID, stacks });
const specific = generateTrustPolicy({
  variant: 'specific-stacks',
  accountName: 'demo',
  platformAccountId: PLATFORM,
  stackSlugs: stacks.slice(0, 10),
}).json;
const anyStack = generateTrustPolicy({
  variant: 'any-stack',
  accountName: 'demo',
  platformAccountId: PLATFORM,
}).json;
const input = {
  externalIds,
  principalArn: CALLER,
  accountName: 'demo',
  platformAccountId: PLATFORM,
  maxLength: 4096,
};
measure('analyze, all allowed (50 stacks x 2 phases)', 'ms', 1500, () =>
  analyzeTrustPolicy({ ...input, policy: anyStack }),
);
measure('analyze, 80 denied + corrected policy (50 stacks x 2 phases)', 'ms', 1500, () =>
  analyzeTrustPolicy({ ...input, policy: specific }),
);
