import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db/database.js';
import { integrationRow } from '../test/integration-row.js';
import { spaceRow } from '../test/space-row.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../test/test-database.js';
import { ListIndex } from './list-index.js';
import { PostgresFollower } from './list-index-postgres.js';
import type { ListFilter } from './list-query.js';
import { createIntegrationsRepository } from './repository.js';

// Two pools on one database are two replicas: each follows what the other commits.
let database: TestDatabase;
let a: Db;
let b: Db;
beforeAll(async () => {
  if (!testDatabaseUrl) return;
  database = await createTestDatabase();
  a = openDatabase(database.location);
  b = openDatabase(database.location);
  await migrateToLatest(a);
  await a.insertInto('spaces').values(spaceRow('root')).execute();
});
afterAll(async () => {
  if (!testDatabaseUrl) return;
  await Promise.all([a.destroy(), b.destroy()]);
  await database.drop();
});
beforeEach(async () => {
  if (testDatabaseUrl) await a.deleteFrom('aws_integrations').execute();
});

const everything: ListFilter = { labels: [], spaceIds: 'all', limit: 1_000 };
const names = (index: PostgresFollower) => index.query(everything).items.map((i) => i.name);
/** A page as a reader sees it: slots are the index's own, handed out in its own order. */
const page = (index: PostgresFollower, filter: ListFilter) => {
  const { items, total } = index.query(filter);
  return { items: items.map(({ slot: _slot, ...item }) => item), total };
};
const follower = async (db: Db) => {
  const index = new PostgresFollower(new ListIndex(), db);
  await index.sync();
  return index;
};
const insert = (db: Db, name: string, labels: string[] = []) => {
  const repo = createIntegrationsRepository(db);
  return repo.transaction((trx) => repo.insert(trx, integrationRow(name), labels));
};
/**
 * Inserts an integration and holds its transaction (and the integration-write lock) open;
 * resolves once the row is written, with `commit` to end the transaction.
 */
async function holdOpenWrite(db: Db, name: string) {
  const repo = createIntegrationsRepository(db);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = repo.transaction(async (trx) => {
    await repo.insert(trx, integrationRow(name), []);
    written();
    await held;
  });
  await wrote;
  return {
    commit: () => {
      release();
      return done;
    },
  };
}

describe.runIf(testDatabaseUrl)('the list index on PostgreSQL', () => {
  it("has another replica's commit in the next answer, with no wait", async () => {
    const onA = await follower(a);
    await insert(b, 'from-b', ['x']);
    await onA.sync();
    expect(onA.query({ ...everything, labels: ['x'] }).items.map((i) => i.name)).toEqual([
      'from-b',
    ]);
    await b.deleteFrom('integration_labels').where('label', '=', 'x').execute();
    await onA.sync();
    expect(onA.query({ ...everything, labels: ['x'] }).items).toEqual([]);
    await b.deleteFrom('aws_integrations').execute();
    await onA.sync();
    expect(names(onA)).toEqual([]);
  });

  it('never shows an uncommitted or rolled-back write', async () => {
    const onA = await follower(a);
    const repo = createIntegrationsRepository(b);
    await expect(
      repo.transaction(async (trx) => {
        await repo.insert(trx, integrationRow('rolled-back'), ['x']);
        await onA.sync();
        expect(names(onA)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await onA.sync();
    expect(names(onA)).toEqual([]);
  });

  it('misses no commit when a later write commits first: integration writes wait their turn', async () => {
    const onA = await follower(a);
    // The first writer takes its sequence number and holds its transaction open...
    const first = await holdOpenWrite(b, 'first');
    // ...the second writes after it on another replica and would commit first, unserialised.
    let secondDone = false;
    const second = insert(a, 'second').then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondDone).toBe(false);
    await onA.sync();
    expect(names(onA)).toEqual([]);
    await Promise.all([first.commit(), second]);
    await onA.sync();
    expect(names(onA)).toEqual(['first', 'second']);
  });

  it("does not hold up another installation's writes, in another schema of the database", async () => {
    const other = await createTestDatabase();
    const elsewhere = openDatabase(other.location);
    try {
      await migrateToLatest(elsewhere);
      await elsewhere.insertInto('spaces').values(spaceRow('root')).execute();
      // A writer here holds its transaction, and so the lock, open...
      const first = await holdOpenWrite(b, 'held');
      // ...and a writer in the other schema commits all the same (it waited, before 140).
      const elsewhereDone = insert(elsewhere, 'elsewhere').then(() => true);
      const waited = new Promise((resolve) => setTimeout(() => resolve(false), 2_000));
      expect(await Promise.race([elsewhereDone, waited])).toBe(true);
      await first.commit();
      expect(await elsewhere.selectFrom('aws_integrations').select('name').execute()).toEqual([
        { name: 'elsewhere' },
      ]);
    } finally {
      await elsewhere.destroy();
      await other.drop();
    }
  });

  it('keeps up with many writers on two replicas at once', async () => {
    const onA = await follower(a);
    const writes = Array.from({ length: 40 }, (_, n) =>
      insert(n % 2 ? a : b, `w-${String(n).padStart(2, '0')}`, [`l${n % 3}`]),
    );
    // Reading while they commit: each read must leave nothing behind for the next.
    const reads = Array.from({ length: 20 }, () => onA.sync());
    await Promise.all([...writes, ...reads]);
    await onA.sync();
    const fresh = await follower(b);
    expect(names(onA)).toHaveLength(40);
    for (const labels of [[], ['l0'], ['l1'], ['l2']])
      expect(page(onA, { ...everything, labels })).toEqual(page(fresh, { ...everything, labels }));
  });

  it('takes the write lock before any row lock, in every statement on the two tables', async () => {
    const { rows } = await sql<{ name: string; timing: string }>`
      SELECT tgname AS name,
        CASE WHEN tgtype & 2 = 2 THEN 'before' ELSE 'after' END
          || CASE WHEN tgtype & 1 = 1 THEN ' row' ELSE ' statement' END AS timing
      FROM pg_trigger JOIN pg_class ON pg_class.oid = tgrelid
      WHERE NOT tgisinternal AND relnamespace = current_schema()::regnamespace ORDER BY tgname`.execute(
      a,
    );
    expect(rows).toEqual([
      { name: 'aws_integrations_changed', timing: 'after row' },
      { name: 'aws_integrations_serialise', timing: 'before statement' },
      { name: 'integration_labels_changed', timing: 'after row' },
      { name: 'integration_labels_serialise', timing: 'before statement' },
    ]);
  });
});
