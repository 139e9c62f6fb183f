import { parseArgs } from 'node:util';
import { runPhase, stackSlug, type RunPhase } from '@rolebridge/contracts';

export const USAGE = `Usage: rolebridge run --stack <slug> --phase <plan|apply> -- <command> [args...]

Starts a run of the stack with the worker token in ROLEBRIDGE_TOKEN (console at
ROLEBRIDGE_URL), then runs <command> with the run's AWS credentials in its environment.
The values are never printed. The command's exit code is rolebridge's exit code.`;

export interface RunArgs {
  stack: string;
  phase: RunPhase;
  command: [string, ...string[]];
}

export class UsageError extends Error {}

const HELP = new Set(['--help', '-h', 'help']);

/** `rolebridge --help`, `rolebridge help` or `rolebridge run --help`: usage, not an error. */
export function wantsHelp(argv: string[]): boolean {
  const [verb, next] = argv;
  return (
    (verb !== undefined && HELP.has(verb)) ||
    (verb === 'run' && next !== undefined && HELP.has(next))
  );
}

export function parseRunArgs(argv: string[]): RunArgs {
  const [verb, ...rest] = argv;
  if (verb !== 'run') throw new UsageError(verb ? `Unknown command "${verb}"` : 'Missing command');
  const { values, positionals } = parseArgs({
    args: rest,
    options: { stack: { type: 'string' }, phase: { type: 'string', default: 'plan' } },
    allowPositionals: true,
    strict: true,
  });
  const stack = stackSlug.safeParse(values.stack);
  if (!stack.success)
    throw new UsageError('--stack <slug> is required (lowercase letters, digits, -)');
  const phase = runPhase.safeParse(values.phase);
  if (!phase.success) throw new UsageError('--phase must be plan or apply');
  const [file, ...args] = positionals;
  if (!file) throw new UsageError('Give the command to run after --');
  return { stack: stack.data, phase: phase.data, command: [file, ...args] };
}
