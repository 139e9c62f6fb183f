import {
  problem,
  run,
  runEnvironment,
  type CliEnv,
  type Run,
  type RunEnvironment,
  type RunPhase,
} from '@rolebridge/contracts';
import { z } from 'zod';

const hints = z.object({
  hints: z.array(z.object({ title: z.string(), fix: z.string().optional() })).optional(),
});

/** A refusal from the console, worded from its problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T extends z.ZodType>(env: CliEnv, path: string, schema: T, body?: object) {
  const res = await fetch(new URL(path, env.ROLEBRIDGE_URL), {
    method: body ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${env.ROLEBRIDGE_TOKEN}`,
      accept: 'application/json',
      ...(body && { 'content-type': 'application/json' }),
    },
    ...(body && { body: JSON.stringify(body) }),
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const p = problem.safeParse(json);
    const extra = hints.safeParse(json);
    const lines = [p.success ? `${p.data.detail} (${p.data.code})` : `HTTP ${res.status}`];
    for (const h of (extra.success && extra.data.hints) || []) lines.push(`  hint: ${h.title}`);
    throw new ApiError(res.status, lines.join('\n'));
  }
  return schema.parse(json);
}

export function startRun(env: CliEnv, stack: string, phase: RunPhase): Promise<Run> {
  return call(env, `/api/stacks/${stack}/runs`, run, { phase });
}

export function fetchEnvironment(
  env: CliEnv,
  stack: string,
  runId: string,
): Promise<RunEnvironment> {
  return call(env, `/api/stacks/${stack}/runs/${runId}/environment`, runEnvironment);
}
