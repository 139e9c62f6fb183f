import { sql } from 'kysely';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { COUNT_CAP } from './list-query.js';
import { createIntegrationsRepository } from './repository.js';
import { testDatabaseUrl } from '../test/test-database.js';
import { integrationRow } from '../test/integration-row.js';

let t: TestApp;
let agent: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.loginAgent();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('aws_integrations').execute();
});

const passed = JSON.stringify({
  ok: true,
  results: [],
  confusedDeputy: { checked: true, open: false },
});
const failed = JSON.stringify({
  ok: false,
  results: [],
  confusedDeputy: { checked: true, open: false },
});

/** Rows written as the app writes them, without a verification round trip per row. */
async function seed(rows: { name: string; labels?: string[]; verification?: string | null }[]) {
  const repo = createIntegrationsRepository(t.db);
  await repo.transaction(async (trx) => {
    for (const r of rows) {
      await repo.insert(
        trx,
        integrationRow(r.name, {
          last_verification: r.verification ?? null,
          // As the health service moves it from a final verdict (the list filters on it).
          health_state: r.verification
            ? r.verification === passed
              ? 'healthy'
              : 'failing'
            : 'unknown',
        }),
        r.labels ?? [],
      );
    }
  });
}

const list = async (query: string) =>
  (await agent.get(`/api/integrations/aws?${query}`).expect(200)).body as {
    items: { id: string; name: string; lastVerification: { ok: boolean } | null }[];
    nextCursor: string | null;
    total: number;
    totalExact: boolean;
  };
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

describe('the integrations list', () => {
  it('filters by verification status and counts each', async () => {
    await seed([
      { name: 'alpha', verification: passed, labels: ['prod'] },
      { name: 'bravo', verification: failed, labels: ['prod'] },
      { name: 'charlie', verification: null, labels: ['prod'] },
      { name: 'delta', verification: passed },
    ]);
    const verified = await list('status=verified');
    expect(names(verified)).toEqual(['alpha', 'delta']);
    expect(verified.items.every((i) => i.lastVerification?.ok)).toBe(true);
    expect(verified.total).toBe(2);
    expect(names(await list('status=failing'))).toEqual(['bravo']);
    expect(names(await list('status=not-checked&label=prod'))).toEqual(['charlie']);
    expect(names(await list('status=verified&label=prod'))).toEqual(['alpha']);
    const bad = await agent.get('/api/integrations/aws?status=green').expect(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'status', message: /verified, failing/ });
  });

  it('gives the total over all pages, exact up to the cap and "at least" beyond', async () => {
    await seed(
      Array.from({ length: COUNT_CAP + 20 }, (_, i) => ({
        name: `svc-${String(i).padStart(4, '0')}`,
        labels: i < 30 ? ['narrow', 'wide'] : ['wide'],
      })),
    );
    const narrow = await list('label=narrow&limit=10');
    expect(narrow.items).toHaveLength(10);
    expect(narrow).toMatchObject({ total: 30, totalExact: true });
    const next = await list(`label=narrow&limit=10&cursor=${narrow.nextCursor}`);
    expect(next).toMatchObject({ total: 30, totalExact: true });
    expect(names(next)[0]).toBe('svc-0010');
    expect(await list('label=wide&limit=5')).toMatchObject({ total: COUNT_CAP, totalExact: false });
    expect(await list('limit=5')).toMatchObject({ total: COUNT_CAP + 20, totalExact: true });
    expect(await list('label=nobody')).toMatchObject({ items: [], total: 0, totalExact: true });
  });

  it('finds names by any part, after renames and deletes, short searches included', async () => {
    await seed([
      { name: 'payments-prod-ledger-0001' },
      { name: 'payments-dev-api-0002' },
      { name: 'search-prod-api-0003' },
    ]);
    expect(names(await list('q=PROD-'))).toEqual([
      'payments-prod-ledger-0001',
      'search-prod-api-0003',
    ]);
    expect(names(await list('q=ledger'))).toEqual(['payments-prod-ledger-0001']);
    expect(names(await list('q=0'))).toHaveLength(3);
    expect(names(await list('q=De'))).toEqual(['payments-dev-api-0002']);
    expect(names(await list('q=%25'))).toEqual([]);

    const [ledger] = (await list('q=ledger')).items;
    const read = await agent.get(`/api/integrations/aws/${ledger!.id}`).expect(200);
    await agent
      .patch(`/api/integrations/aws/${ledger!.id}`)
      .set('If-Match', read.headers.etag!)
      .send({ name: 'billing-prod-books-0001', labels: ['finance'] })
      .expect(200);
    expect(names(await list('q=ledger'))).toEqual([]);
    expect(names(await list('q=books&label=finance'))).toEqual(['billing-prod-books-0001']);
    // The label row carries the new name, so a label-led page lists it in its new place.
    expect(names(await list('label=finance'))).toEqual(['billing-prod-books-0001']);

    expect(names(await list('q=bo'))).toEqual(['billing-prod-books-0001']);

    await agent.delete(`/api/integrations/aws/${ledger!.id}`).expect(204);
    expect(names(await list('q=books'))).toEqual([]);
    expect(names(await list('q=bo'))).toEqual([]);
    expect(names(await list('q=prod'))).toEqual(['search-prod-api-0003']);
  });

  it('answers with UTF-8 JSON of the length it says, whatever the names', async () => {
    await seed([{ name: 'café-prod-0001' }, { name: '\u{1F600}-ops-0002' }, { name: 'plain' }]);
    const res = await agent.get('/api/integrations/aws?q=f%C3%A9').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(names(res.body as { items: { name: string }[] })).toEqual(['café-prod-0001']);
    expect(names(await list(''))).toEqual(['café-prod-0001', 'plain', '\u{1F600}-ops-0002']);
  });

  it('keeps label counts in step with creates, relabels and deletes', async () => {
    await seed([
      { name: 'one', labels: ['x', 'y'] },
      { name: 'two', labels: ['x'] },
    ]);
    const counts = async () =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom('label_counts')
            .selectAll()
            .where('label', 'in', ['x', 'y', 'z'])
            .where('n', '>', 0)
            .execute()
        ).map((r) => [r.label, r.n]),
      );
    expect(await counts()).toEqual({ x: 2, y: 1 });
    const [two] = (await list('q=two')).items;
    await agent
      .patch(`/api/integrations/aws/${two!.id}`)
      .set('If-Match', '*')
      .send({ labels: ['y', 'z'] })
      .expect(200);
    expect(await counts()).toEqual({ x: 1, y: 2, z: 1 });
    await agent.delete(`/api/integrations/aws/${two!.id}`).expect(204);
    expect(await counts()).toEqual({ x: 1, y: 1 });
  });

  // SQLite's plans; PostgreSQL's planner picks by table statistics, so a small test table
  // gets sequential scans whatever the indexes.
  it.skipIf(testDatabaseUrl)(
    'walks indexes in list order for a status, a label and a search, never every row',
    async () => {
      const plan = async (query: { sql: string; parameters: readonly unknown[] }) =>
        (
          await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(query.sql)}`.execute(t.db)
        ).rows.map((r) => r.detail);
      const byStatus =
        sql`SELECT id FROM aws_integrations WHERE health_state = 'failing' ORDER BY name, id LIMIT 51`.compile(
          t.db,
        );
      expect((await plan(byStatus)).join('\n')).toMatch(
        /USING (COVERING )?INDEX aws_integrations_health/,
      );
      const byLabel =
        sql`SELECT integration_id FROM integration_labels WHERE label = 'x' ORDER BY name, integration_id LIMIT 51`.compile(
          t.db,
        );
      expect(await plan(byLabel)).toEqual([
        expect.stringMatching(/USING COVERING INDEX integration_labels_label \(label=\?\)/),
      ]);
      const bySearch =
        sql`SELECT rowid FROM integration_search WHERE integration_search MATCH '"ledger"'`.compile(
          t.db,
        );
      expect((await plan(bySearch)).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    },
  );
});
