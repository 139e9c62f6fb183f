// npm run diff:trust-policy [-- --generated N --seed S]: every hand-written case and N
// generated ones (default 440) through the peer simulator, the evaluator, the analyzer and
// the sandbox over HTTP. Exits 1 on any disagreement.
import { parseArgs } from 'node:util';
import { startSandbox } from '../src/server.js';
import { DEFAULT_SEED, generateCases } from './generate.js';
import { HAND_CASES } from './hand-cases.js';
import { agreement, describeAgreement, runCases } from './run.js';
import { setUpCallers } from './sandbox-calls.js';

const { values } = parseArgs({
  options: {
    generated: { type: 'string', default: '440' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
});
const count = Number(values.generated);
const seed = Number(values.seed);

const sandbox = await startSandbox({ port: 0 });
try {
  const callers = await setUpCallers(sandbox);
  const started = performance.now();
  const hand = await runCases(callers, HAND_CASES, 'hand');
  const generated = await runCases(callers, generateCases(count, seed), 'gen');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`hand-written (${hand.length}):\n${describeAgreement(agreement(hand))}`);
  console.log(
    `generated (${generated.length}, seed ${seed}):\n${describeAgreement(agreement(generated))}`,
  );
  const all = agreement([...hand, ...generated]);
  console.log(
    `all ${hand.length + generated.length} cases in ${seconds} s:\n${describeAgreement(all)}`,
  );
  process.exitCode = all.disagreements.length ? 1 : 0;
} finally {
  await sandbox.close();
}
