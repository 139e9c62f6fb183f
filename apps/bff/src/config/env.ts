import { serverEnv, type ServerEnv } from '@rolebridge/contracts';

/** The only place that reads process.env. A bad value names the variable and stops the process. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const result = serverEnv.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}
