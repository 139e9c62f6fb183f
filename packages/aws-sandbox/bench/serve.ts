import { startSandbox } from '../src/server.js';

// The sandbox in its own process for the benchmark, so it does not share a CPU with the
// load generator (moto runs in its own process too). No request log: that would measure stdout.
const sandbox = await startSandbox({ port: 0 });
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
process.once('SIGTERM', () => {
  void sandbox.close().then(() => process.exit(0));
});
