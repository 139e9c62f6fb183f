import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db/database.js';
import { integrationRow } from '../test/integration-row.js';
import { spaceRow } from '../test/space-row.js';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../test/test-database.js';
import { ListIndex, listIndexOf } from './list-index.js';
import { PostgresFollower } from './list-index-postgres.js';
import type { ListFilter, VerificationStatus } from './list-query.js';
import { createIntegrationsRepository, type IntegrationRow } from './repository.js';
import { healthStateOf } from './verification-status.js';

// On SQLite every answer of the index is checked against SQL's; on PostgreSQL, whose citext
// orders names by its locale (SQL's order is not the list's there), against an index freshly
// read from the database, and the change feed against writers interleaving on two pools.
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SPACES = ['root', 'team', 'other'];
const LABELS = ['a', 'b', 'c', 'Ä'];
// Mixed case, LIKE's wildcards, non-ASCII and astral characters: where NOCASE, LIKE and
// JavaScript's own string order could disagree.
const NAMES = [
  'alpha',
  'Alpha-2',
  'beta',
  'BETA_x',
  'é-gamma',
  'Éclair',
  'a%b',
  '\u{1F600}-up',
  '\uE000-pua',
  'zeta',
];
const verdicts = {
  verified: '{"ok":true,"results":[],"confusedDeputy":{"checked":true,"open":false}}',
  failing: '{"ok":false,"results":[],"confusedDeputy":{"checked":true,"open":false}}',
  'not-checked': null,
} satisfies Record<VerificationStatus, string | null>;

let database: TestDatabase;
let db: Db;
let repo: ReturnType<typeof createIntegrationsRepository>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.location);
  await migrateToLatest(db);
  await db
    .insertInto('spaces')
    .values(SPACES.map((id) => spaceRow(id)))
    .execute();
  repo = createIntegrationsRepository(db);
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

function row(name: string, spaceId: string, status: VerificationStatus): IntegrationRow {
  return integrationRow(name, {
    space_id: spaceId,
    last_verification: verdicts[status],
    // The list filters on the health state, which a final verdict moves with the verification.
    health_state: healthStateOf[status],
  });
}

const pick = <T>(items: readonly T[], n: number) => items[n % items.length]!;
const ids = async () =>
  (await db.selectFrom('aws_integrations').select('id').execute()).map((r) => r.id);
const status = fc.constantFrom<VerificationStatus>('verified', 'failing', 'not-checked');
const labels = fc.subarray(LABELS);

/** Writes as the product makes them, and as it never should (raw SQL around the repository). */
const write = fc.oneof(
  fc.record({
    kind: fc.constant('create'),
    name: fc.nat(),
    n: fc.nat(99),
    space: fc.nat(),
    labels,
    status,
  }),
  fc.record({
    kind: fc.constant('update'),
    at: fc.nat(),
    name: fc.option(fc.nat()),
    space: fc.nat(),
    labels,
  }),
  fc.record({ kind: fc.constant('verify'), at: fc.nat(), status }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat() }),
  fc.record({ kind: fc.constant('raw-label'), at: fc.nat(), label: fc.constantFrom(...LABELS) }),
  fc.record({ kind: fc.constant('delete-space'), space: fc.nat() }),
);
type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;

async function apply(w: Write) {
  const existing = await ids();
  const target = existing.length ? pick(existing, 'at' in w ? w.at : 0) : undefined;
  try {
    if (w.kind === 'create') {
      const r = row(`${pick(NAMES, w.name)}-${w.n}`, pick(SPACES, w.space), w.status);
      await repo.transaction((trx) => repo.insert(trx, r, w.labels));
    } else if (w.kind === 'update' && target) {
      const current = (await repo.find(target))!;
      const { labels: _old, ...fields } = current;
      const name = w.name === null ? current.name : `${pick(NAMES, w.name)}-r`;
      const next = {
        ...fields,
        name,
        space_id: pick(SPACES, w.space),
        version: current.version + 1,
      };
      await repo.transaction((trx) => repo.update(trx, next, current.version, w.labels));
    } else if (w.kind === 'verify' && target) {
      await db
        .updateTable('aws_integrations')
        .set({ last_verification: verdicts[w.status], health_state: healthStateOf[w.status] })
        .where('id', '=', target)
        .execute();
    } else if (w.kind === 'delete' && target) {
      await repo.transaction((trx) => repo.delete(trx, target));
    } else if (w.kind === 'raw-label' && target) {
      // Label rows repeat the name (decision 008); a raw write must too, or SQL's order breaks.
      const { name } = (await repo.find(target))!;
      await db
        .insertInto('integration_labels')
        .values({ integration_id: target, label: w.label, name })
        .execute();
    } else if (w.kind === 'delete-space') {
      // What deleting a space and its contents amounts to, written straight to the tables.
      const id = pick(SPACES.slice(1), w.space);
      await db.deleteFrom('aws_integrations').where('space_id', '=', id).execute();
      await db.deleteFrom('spaces').where('id', '=', id).execute();
      await db.insertInto('spaces').values(spaceRow(id)).execute();
    }
  } catch (err) {
    // Name clashes (NOCASE) and duplicate labels are refused by the database, as in use.
    if (!/UNIQUE|PRIMARY KEY|duplicate key/.test(String(err))) throw err;
  }
}

/** Every combination of each kind of filter, each paged through to the end. */
function* filters(): Generator<Omit<ListFilter, 'after'>> {
  const scopes = [
    { spaceIds: 'all' },
    { spaceIds: 'all', space: 'team' },
    { spaceIds: ['root', 'team'] },
  ] as const;
  for (const labelSet of [[], ['a'], ['a', 'b'], ['none']])
    for (const status of [undefined, 'verified'] as const)
      for (const scope of scopes)
        for (const q of [undefined, 'AL', 'a%', '\u{1F600}']) {
          yield {
            labels: labelSet,
            limit: 5,
            ...scope,
            spaceIds: scope.spaceIds === 'all' ? 'all' : [...scope.spaceIds],
            ...(status && { status }),
            ...(q && { q }),
          };
        }
}

/** What the followed index must answer: SQL on SQLite, a fresh read on PostgreSQL. */
async function reference() {
  if (!testDatabaseUrl) return (f: ListFilter) => repo.listFromSql(f);
  const fresh = new PostgresFollower(new ListIndex(), db);
  await fresh.sync();
  return (f: ListFilter) => {
    const { items, total } = fresh.query(f);
    return { items: items.map(({ name, id, json }) => ({ name, id, json })), total };
  };
}

async function assertAgrees() {
  const expected = await reference();
  for (const filter of filters()) {
    let after: ListFilter['after'];
    do {
      const f = { ...filter, ...(after && { after }) };
      expect(await listIndexOf(db).sync()).toBe(true);
      const fromIndex = await repo.listPage(f);
      expect({ filter: f, ...fromIndex }).toEqual({ filter: f, ...(await expected(f)) });
      const last = fromIndex.items.at(-1);
      after =
        fromIndex.items.length === f.limit && last ? { name: last.name, id: last.id } : undefined;
    } while (after);
  }
}

describe('the in-memory list index', () => {
  it('answers every filter and page as the database does after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 5, maxLength: 40 }), async (writes) => {
        await db.deleteFrom('aws_integrations').execute();
        // Every awkward name is there from the start; the writes then move things around.
        for (const [n, name] of NAMES.entries()) {
          const r = row(
            name,
            pick(SPACES, n),
            pick(Object.keys(verdicts) as VerificationStatus[], n),
          );
          await repo.transaction((trx) => repo.insert(trx, r, LABELS.slice(0, n % 4)));
        }
        // The index reads each write before the next, so it updates entries it holds (a
        // relabel, a verification, a rename) as well as adding and removing them.
        for (const w of writes) {
          await apply(w);
          await listIndexOf(db).sync();
        }
        await assertAgrees();
      }),
      { numRuns: 8, seed: SEED },
    );
  }, 120_000);

  it.skipIf(testDatabaseUrl)(
    'sees rows another connection commits to the file from the next turn',
    async () => {
      await db.deleteFrom('aws_integrations').execute();
      await repo.transaction((trx) => repo.insert(trx, row('mine', 'root', 'not-checked'), ['x']));
      const all = { labels: [], spaceIds: 'all', limit: 51 } satisfies ListFilter;
      expect((await repo.listPage(all)).items.map((i) => i.name)).toEqual(['mine']);
      const other = new SqliteDatabase(database.location);
      const theirs = row('theirs', 'root', 'verified');
      other
        .prepare(
          `INSERT INTO aws_integrations (${Object.keys(theirs).join(',')}) VALUES (${Object.keys(
            theirs,
          )
            .map(() => '?')
            .join(',')})`,
        )
        .run(...Object.values(theirs));
      other
        .prepare(
          `INSERT INTO integration_labels (integration_id, label, name) VALUES (?, 'x', 'theirs')`,
        )
        .run(theirs.id);
      other.close();
      // The database's generation is read once per turn of the event loop (generation.ts).
      await new Promise((resolve) => setImmediate(resolve));
      const page = await repo.listPage({ ...all, labels: ['x'], status: 'verified' });
      expect(page.items.map((i) => i.name)).toEqual(['theirs']);
    },
  );

  it.skipIf(testDatabaseUrl)(
    'answers while a transaction is open, as of the last commit: an uncommitted row never shows',
    async () => {
      await db.deleteFrom('aws_integrations').execute();
      await repo.transaction((trx) => repo.insert(trx, row('committed', 'root', 'verified'), []));
      const all = { labels: [], spaceIds: 'all', limit: 51 } satisfies ListFilter;
      const names = () =>
        listIndexOf(db)
          .query(all)
          .items.map((i) => i.name);
      await expect(
        repo.transaction(async (trx) => {
          await repo.insert(trx, row('rolled-back', 'root', 'not-checked'), []);
          // Another request's list, between two statements of this transaction.
          expect(listIndexOf(db).sync()).toBe(true);
          expect(names()).toEqual(['committed']);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await repo.listPage(all)).items.map((i) => i.name)).toEqual(['committed']);
      await repo.transaction(async (trx) => {
        await repo.insert(trx, row('later', 'root', 'not-checked'), []);
        expect(listIndexOf(db).sync()).toBe(true);
        expect(names()).toEqual(['committed']);
      });
      // Committed now: the next list has it.
      expect((await repo.listPage(all)).items.map((i) => i.name)).toEqual(['committed', 'later']);
    },
  );

  it.skipIf(testDatabaseUrl)(
    'leaves a page to SQL while a transaction is open on an in-memory database (one connection)',
    async () => {
      const memory = openDatabase(':memory:');
      await migrateToLatest(memory);
      await memory.insertInto('spaces').values(spaceRow('root')).execute();
      const memoryRepo = createIntegrationsRepository(memory);
      await expect(
        memoryRepo.transaction(async (trx) => {
          await memoryRepo.insert(trx, row('rolled-back', 'root', 'not-checked'), []);
          expect(listIndexOf(memory).sync()).toBe(false);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const all = { labels: [], spaceIds: 'all', limit: 51 } satisfies ListFilter;
      expect((await memoryRepo.listPage(all)).items).toEqual([]);
      await memory.destroy();
    },
  );
});

describe('the index in memory', () => {
  const raw = (n: number) => ({
    ...integrationRow(`item-${String(n).padStart(5, '0')}`, { id: `id-${n}` }),
    labels_json: JSON.stringify(n % 3 === 0 ? ['x'] : ['y']),
  });
  const named = (filter: Partial<ListFilter>) =>
    new Set(
      index
        .query({ labels: [], spaceIds: 'all', limit: 20_000, ...filter })
        .items.map((e) => e.name),
    );
  let index: ListIndex;

  it('keeps every label bit as it grows past its first bit sets, and as entries leave and others come', () => {
    index = new ListIndex();
    index.load(Array.from({ length: 3_000 }, (_, n) => raw(n)));
    // Adding one by one past 4,096 and 8,192 slots grows every bit set twice more.
    for (let n = 3_000; n < 9_000; n += 1) index.put(`id-${n}`, raw(n));
    for (let n = 0; n < 9_000; n += 2) index.put(`id-${n}`, undefined);
    for (let n = 9_000; n < 9_500; n += 1) index.put(`id-${n}`, raw(n));
    const live = [
      ...Array.from({ length: 4_500 }, (_, i) => 2 * i + 1),
      ...Array.from({ length: 500 }, (_, i) => 9_000 + i),
    ];
    const expected = (label: string) =>
      new Set(live.filter((n) => (n % 3 === 0) === (label === 'x')).map((n) => raw(n).name));
    expect(named({ labels: ['x'] })).toEqual(expected('x'));
    expect(named({ labels: ['y'] })).toEqual(expected('y'));
    expect(named({ labels: ['x', 'y'] }).size).toBe(0);
    expect(named({}).size).toBe(5_000);
    // Each item's bytes are their own, not a slice of a pool other items' old bytes share.
    for (const { json } of index.query({ labels: ['x'], spaceIds: 'all', limit: 100 }).items)
      expect(json.buffer.byteLength).toBe(json.length);
    // An entry put again answers for its new labels only.
    index.put('id-9001', { ...raw(9_001), labels_json: '["x"]' });
    expect(named({ labels: ['x'] }).has(raw(9_001).name)).toBe(true);
    expect(named({ labels: ['y'] }).has(raw(9_001).name)).toBe(false);
    // A full page's total, counted on the bit sets: capped, and exact under the cap.
    const total = (filter: Partial<ListFilter>) =>
      index.query({ labels: [], spaceIds: 'all', limit: 5, ...filter }).total;
    expect(total({ labels: ['y'], status: 'not-checked' })).toEqual({ total: 500, exact: false });
    const xs = live.filter((n) => n % 3 === 0);
    for (const n of xs.slice(6)) index.put(`id-${n}`, undefined);
    expect(total({ labels: ['x'] })).toEqual({ total: 7, exact: true }); // and id-9001
    expect(total({ labels: ['x'], status: 'not-checked' })).toEqual({ total: 7, exact: true });
    expect(total({ labels: ['x'], status: 'verified' })).toEqual({ total: 0, exact: true });
  });
});
