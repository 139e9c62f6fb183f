import { ENVS, SERVICES, TEAMS, random, type labelPool } from './seed.js';

export interface BenchRequest {
  method: 'GET' | 'PATCH';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

const LIST = '/api/integrations/aws';

/**
 * What people using the console send, in a fixed order: label pairs picked by popularity,
 * name searches (a team, an environment, both, a service, a number), status filters, the
 * unfiltered first page, and 1 write in 20 (an admin relabelling an integration), which
 * invalidates every cached page.
 */
export function mixedWorkload(opts: {
  ids: string[];
  labels: ReturnType<typeof labelPool>;
  requests: number;
}): BenchRequest[] {
  const rand = random(7);
  const pickOf = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pair = () => {
    const first = opts.labels.pick(rand);
    let second = opts.labels.pick(rand);
    while (second === first) second = opts.labels.pick(rand);
    return [first, second];
  };
  const searches: (() => string)[] = [
    () => pickOf(TEAMS),
    () => pickOf(ENVS),
    () => `${pickOf(TEAMS)}-${pickOf(ENVS)}`,
    () => `-${pickOf(SERVICES)}-`,
    () => String(Math.floor(rand() * opts.ids.length)).padStart(4, '0'),
  ];
  const list = (params: [string, string][]) =>
    `${LIST}?${new URLSearchParams([...params, ['limit', '50']]).toString()}`;

  const out: BenchRequest[] = [];
  for (let i = 0; i < opts.requests; i++) {
    const roll = rand();
    if (i % 20 === 19) {
      const own = new Set<string>();
      while (own.size < 5) own.add(opts.labels.pick(rand));
      out.push({
        method: 'PATCH',
        path: `${LIST}/${pickOf(opts.ids)}`,
        body: JSON.stringify({ labels: [...own] }),
        headers: { 'content-type': 'application/json', 'if-match': '*' },
      });
    } else if (roll < 0.45) {
      out.push({ method: 'GET', path: list(pair().map((l) => ['label', l])) });
    } else if (roll < 0.8) {
      const q: [string, string][] = [['q', pickOf(searches)()]];
      if (rand() < 0.2) q.push(['label', opts.labels.pick(rand)]);
      out.push({ method: 'GET', path: list(q) });
    } else if (roll < 0.93) {
      const status: [string, string][] = [
        ['status', pickOf(['verified', 'failing', 'not-checked'])],
      ];
      if (rand() < 0.5) status.push(['label', opts.labels.pick(rand)]);
      out.push({ method: 'GET', path: list(status) });
    } else {
      out.push({ method: 'GET', path: list([]) });
    }
  }
  return out;
}
