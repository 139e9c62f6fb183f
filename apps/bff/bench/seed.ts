import { join } from 'node:path';
import { ulid } from 'ulid';
import { createApp } from '../src/app.js';
import { staticPlatformIdentity } from '../src/aws/platform-identity.js';
import { createStsClients } from '../src/aws/sts-clients.js';
import { systemClock } from '../src/clock.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logging/logger.js';

/** Deterministic PRNG (mulberry32) so every run seeds the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Labels follow a Zipf-like popularity, as real ones do (a few like `prod` are everywhere):
 * pool[0] is `a`, pool[1] is `b`, the rest `label-N`.
 */
export async function seedIntegrations(
  dir: string,
  opts: { integrations: number; labelsEach: number; pool: number },
) {
  const db = openDatabase(join(dir, 'rolebridge.db'));
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

  const pool = Array.from({ length: opts.pool }, (_, i) =>
    i === 0 ? 'a' : i === 1 ? 'b' : `label-${i}`,
  );
  const weights = pool.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  const rand = random(42);
  const pick = () => {
    let r = rand() * total;
    for (let i = 0; i < pool.length; i++) if ((r -= weights[i]!) <= 0) return pool[i]!;
    return pool[pool.length - 1]!;
  };

  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < opts.integrations; i++) {
      const id = ulid();
      await trx
        .insertInto('aws_integrations')
        .values({
          id,
          name: `integration-${String(i).padStart(5, '0')}`,
          space_id: 'root',
          role_arn: `arn:aws:iam::222222222222:role/role-${i}`,
          assume_role_on_worker: 0,
          external_id: null,
          duration_seconds: 3600,
          region: null,
          autoattach_enabled: 0,
          created_at: now,
          updated_at: now,
          version: 1,
          last_verification: null,
        })
        .execute();
      const labels = new Set<string>();
      while (labels.size < opts.labelsEach) labels.add(pick());
      await trx
        .insertInto('integration_labels')
        .values([...labels].map((label) => ({ integration_id: id, label })))
        .execute();
    }
  });
  await db.destroy();
  return { admin };
}
