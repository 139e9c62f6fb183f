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
  // CPU time beside wall time: on a shared machine the process waits for a core.
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i++) fn(runs++);
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStart);
  const scale = unit === 'µs' ? 1 : 1 / 1000;
  const perRun = (elapsed * 1000 * scale) / runs;
  const cpuPerRun = ((cpu.user + cpu.system) * scale) / runs;
  const digits = unit === 'µs' ? 2 : 3;
  console.log(
    `${label}: ${Math.round((runs / elapsed) * 1000).toLocaleString('en-US')}/s, ${perRun.toFixed(digits)} ${unit} each, ${cpuPerRun.toFixed(digits)} ${unit} CPU (${runs.toLocaleString('en-US')} runs)`,
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

// Five statements mixing String, Arn, Date and IP conditions over the full request context;
// only the last one allows, so every run evaluates all five.
const mixed = parseTrustPolicy(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: PLATFORM },
        Action: 'sts:AssumeRole',
        Condition: { StringLike: { 'sts:ExternalId': 'other@*' } },
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } },
      },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { DateGreaterThan: { 'aws:CurrentTime': '2099-01-01T00:00:00Z' } },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: PLATFORM },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci/*' } },
      },
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${PLATFORM}:root` },
        Action: 'sts:AssumeRole',
        Condition: {
          StringLike: { 'sts:ExternalId': 'demo@*@stack-?@*' },
          ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PLATFORM}:user/*` },
          DateLessThan: { 'aws:EpochTime': '4070908800' },
          IpAddress: { 'aws:SourceIp': '10.1.0.0/16' },
        },
      },
    ],
  }),
);
if (!mixed.ok) throw new Error(JSON.stringify(mixed.errors));
const mixedPolicy = mixed.policy;
const mixedRequests = requests.map((r, i) => ({
  ...r,
  sourceIp: `10.1.${i}.${(i * 7) & 255}`,
  now: Date.UTC(2026, 0, 1) + i * 1000,
}));
if (
  evaluateTrustPolicy(mixedPolicy, mixedRequests[0] ?? requests[0] ?? { principalArn: CALLER })
    .decision !== 'allow'
)
  throw new Error('mixed benchmark policy should allow');

measure('evaluate (5 statements, String + Arn + Date + IP)', 'µs', 1500, (i) =>
  evaluateTrustPolicy(mixedPolicy, mixedRequests[i & 63] ?? { principalArn: CALLER }),
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
