import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCases } from '../differential/generate.js';
import { HAND_CASES } from '../differential/hand-cases.js';
import { agreement, describeAgreement, runCases } from '../differential/run.js';
import { setUpCallers, type SandboxCallers } from '../differential/sandbox-calls.js';
import { startSandbox, type Sandbox } from './server.js';

let sandbox: Sandbox;
let callers: SandboxCallers;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  callers = await setUpCallers(sandbox);
});
afterAll(() => sandbox.close());

it('agrees with AWS on the hand-written cases', async () => {
  const a = agreement(await runCases(callers, HAND_CASES, 'hand'));
  console.log(describeAgreement(a));
  expect(a.disagreements.map((r) => r.case.name)).toEqual([]);
}, 120_000);

it('agrees with AWS on generated cases', async () => {
  const a = agreement(await runCases(callers, generateCases(150), 'gen'));
  console.log(describeAgreement(a));
  expect(a.disagreements.map((r) => r.case.name)).toEqual([]);
}, 120_000);
