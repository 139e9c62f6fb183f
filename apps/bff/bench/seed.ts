import { sql } from 'kysely';
import { ulid } from 'ulid';
import type { Verification } from '@rolebridge/contracts';
import { createApp } from '../src/app.js';
import { staticPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { dialectOf } from '../src/db/dialect.js';
import { createIntegrationsRepository } from '../src/integrations/repository.js';
import { createLogger } from '../src/logging/logger.js';
import { integrationRow } from '../src/test/integration-row.js';

/** Deterministic PRNG (mulberry32) so every run seeds, and asks for, the same data. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names as teams write them: <team>-<environment>-<service>-<n>, so searches match a few
// rows ("ledger-qa") or thousands ("prod") as they do in a real console.
export const TEAMS =
  'payments search checkout identity billing data ml platform mobile web growth ads infra security support catalog orders ledger risk maps'.split(
    ' ',
  );
export const ENVS = ['prod', 'staging', 'dev', 'sandbox', 'qa'];
export const SERVICES =
  'api worker etl cron db cache queue gateway frontend backend lake stream auth ops reports'.split(
    ' ',
  );

/** pool[0] is `a`, pool[1] is `b`, the rest `label-N`; popularity is Zipf-like, as real labels are. */
export function labelPool(size: number) {
  const pool = Array.from({ length: size }, (_, i) =>
    i === 0 ? 'a' : i === 1 ? 'b' : `label-${i}`,
  );
  const weights = pool.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  return {
    pool,
    pick(rand: () => number) {
      let r = rand() * total;
      for (let i = 0; i < pool.length; i++) if ((r -= weights[i]!) <= 0) return pool[i]!;
      return pool[pool.length - 1]!;
    },
  };
}

/** What a stored verification looks like: read and write checks, passed or denied with a hint. */
function verificationOf(id: string, name: string, ok: boolean): Verification {
  const role = `arn:aws:iam::222222222222:role/${name}`;
  return {
    ok,
    checkedAt: '2026-11-27T10:00:00.000Z',
    results: (['read', 'write'] as const).map((phase) => ({
      stackSlug: 'stack-a',
      phase,
      externalId: `demo@${id}@stack-a@${phase}`,
      ok,
      ...(ok
        ? { assumedRoleArn: `arn:aws:sts::222222222222:assumed-role/${name}/${id}@stack-a@demo` }
        : {
            error: {
              code: 'AccessDenied',
              message: `User: arn:aws:iam::111111111111:user/rolebridge is not authorized to perform: sts:AssumeRole on resource: ${role}`,
            },
          }),
      hints: ok
        ? []
        : [
            {
              id: 'trust_policy_denies',
              title: 'The trust policy does not let Rolebridge assume this role',
              detail:
                'Add this statement to the role trust policy, or widen its sts:ExternalId condition.',
              fix: `{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"demo@${id}@stack-a@${phase}"}}}`,
            },
          ],
    })),
    confusedDeputy: { checked: true, open: false },
  };
}

/**
 * 10,000 integrations as a console accumulates them: 5 labels each from a pool of 200,
 * 85% verified, 10% failing, 5% never checked. Written through the repository, so the
 * rows and their indexes are exactly what the app writes.
 */
export async function seedIntegrations(
  /** A SQLite file or a postgres:// URL. */
  database: string,
  opts: { integrations: number; labelsEach: number; pool: number },
) {
  const db = openDatabase(database);
  await migrateToLatest(db);
  const admin = { email: 'admin@example.com', password: 'bench-password-123' };
  const { services } = createApp({
    db,
    logger: createLogger('silent'),
    clock: systemClock,
    platform: staticPlatformIdentity(null),
    // Never called here: nothing in this app verifies a role.
    aws: { sts: createStsClients({ defaultRegion: 'us-east-1', endpoint: 'http://127.0.0.1:9' }) },
    config: { mode: 'sandbox', secureCookies: false },
  });
  await services.bootstrap({
    accountName: 'demo',
    adminEmail: admin.email,
    adminPassword: admin.password,
  });

  const labels = labelPool(opts.pool);
  const rand = random(42);
  const pickOf = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const repo = createIntegrationsRepository(db);
  const ids: string[] = [];
  await repo.transaction(async (trx) => {
    for (let i = 0; i < opts.integrations; i++) {
      const id = ulid();
      ids.push(id);
      const name = `${pickOf(TEAMS)}-${pickOf(ENVS)}-${pickOf(SERVICES)}-${String(i).padStart(4, '0')}`;
      const roll = rand();
      const verification = roll < 0.05 ? null : verificationOf(id, name, roll >= 0.15);
      const own = new Set<string>();
      while (own.size < opts.labelsEach) own.add(labels.pick(rand));
      await repo.insert(
        trx,
        integrationRow(name, {
          id,
          last_verification: verification && JSON.stringify(verification),
          health_state: verification === null ? 'unknown' : verification.ok ? 'healthy' : 'failing',
        }),
        [...own],
      );
    }
  });
  // PostgreSQL's autovacuum analyses a table this size within a minute of a bulk load, and
  // then the planner walks a label's (label, name, id) index and stops after a page; measured
  // before that, with no statistics, it sorts every row of the label (56 ms against 6 ms a
  // page). Bring it to the state any running deployment is in. SQLite has no autovacuum, and
  // the console never runs ANALYZE there: it stays as the console leaves it.
  if (dialectOf(db) === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  await db.destroy();
  return { admin, ids, labels };
}
