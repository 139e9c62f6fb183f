import { cliEnv } from '@rolebridge/contracts';
import { ApiError, fetchEnvironment, startRun } from './api.js';
import { parseRunArgs, USAGE, UsageError, wantsHelp } from './args.js';
import { execWith } from './exec.js';

const say = (line: string) => process.stderr.write(`rolebridge: ${line}\n`);

/** `rolebridge run`: exit codes 64 usage, 69 console refused, 127 command not found. */
export async function main(argv: string[], environment: NodeJS.ProcessEnv): Promise<never> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  let args;
  try {
    args = parseRunArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof TypeError)) throw err;
    say(err.message);
    process.stderr.write(`${USAGE}\n`);
    process.exit(64);
  }
  const config = cliEnv.safeParse(environment);
  if (!config.success) {
    for (const issue of config.error.issues) say(issue.message);
    process.exit(64);
  }
  let variables: Record<string, string>;
  try {
    const run = await startRun(config.data, args.stack, args.phase);
    const env = await fetchEnvironment(config.data, args.stack, run.id);
    variables = { ...env.variables, ROLEBRIDGE_RUN_ID: run.id };
    // The role is assumed by this worker with its own identity; pass what it needs to do so.
    for (const w of env.assumeRoleOnWorker) {
      variables.ROLEBRIDGE_AWS_ROLE_ARN = w.roleArn;
      variables.ROLEBRIDGE_AWS_EXTERNAL_ID = w.externalId;
      variables.ROLEBRIDGE_AWS_DURATION_SECONDS = String(w.durationSeconds);
    }
    const names = Object.keys(env.variables).sort().join(', ') || 'no credentials';
    say(
      `run ${run.id} (${args.phase}) on ${args.stack}: ${names} set until ${env.expiresAt ?? 'the run ends'}`,
    );
  } catch (err) {
    // ApiError carries the console's own words; anything else is the network or a bad answer.
    say(
      err instanceof ApiError
        ? err.message
        : `cannot reach ${config.data.ROLEBRIDGE_URL}: ${(err as Error).message}`,
    );
    process.exit(69);
  }
  // The worker token stays with us: the command gets the run's credentials, nothing more.
  const { ROLEBRIDGE_TOKEN: _token, ...inherited } = environment;
  try {
    const { code, signal } = await execWith(args.command, { ...inherited, ...variables });
    if (signal) {
      process.kill(process.pid, signal);
      process.exit(128);
    }
    process.exit(code ?? 1);
  } catch (err) {
    say(`cannot run ${args.command[0]}: ${(err as Error).message}`);
    process.exit(127);
  }
}
