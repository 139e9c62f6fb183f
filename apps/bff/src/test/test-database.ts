import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ulid } from 'ulid';
import { postgresExtensions } from '../db/dialect.js';

/**
 * Where a test app keeps its data: a SQLite file in a temp folder, or — in the vitest
 * project that sets TEST_DATABASE_URL — a fresh schema of its own in that PostgreSQL
 * database, so test files run in parallel without seeing each other's rows.
 */
export interface TestDatabase {
  /** What `openDatabase` takes: a file path or a postgres:// URL. */
  location: string;
  /** Every stored byte as text, to search for what must never be stored. */
  text(): Promise<string>;
  drop(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  return testDatabaseUrl ? createPostgresSchema(testDatabaseUrl) : createSqliteFile();
}

function createSqliteFile(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'rolebridge-test-'));
  const file = join(dir, 'rolebridge.db');
  const read = (f: string) => {
    try {
      return readFileSync(f).toString('latin1');
    } catch {
      return '';
    }
  };
  return {
    location: file,
    text: () => Promise.resolve(read(file) + read(`${file}-wal`)),
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** Where a Vitest run (its main process `pid`) lists the schemas to drop when it ends. */
export const schemaListFile = (pid: number) => join(tmpdir(), `rolebridge-test-schemas-${pid}`);

/** A fresh schema of its own in the PostgreSQL database at `url` (benchmarks use it too). */
export async function createPostgresSchema(url: string): Promise<TestDatabase> {
  const schema = `test_${ulid().toLowerCase()}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin(async (c) => {
    // Extensions live once per database; test files start together, so one at a time.
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock(1)');
    for (const name of postgresExtensions)
      await c.query(`CREATE EXTENSION IF NOT EXISTS ${name} SCHEMA public`);
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.query('COMMIT');
  });
  const location = new URL(url);
  // public stays on the path for the extensions' types (citext), installed there once.
  location.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    location: location.toString(),
    text: () =>
      admin(async (c) => {
        const tables = await c.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`,
          [schema],
        );
        let text = '';
        for (const { name } of tables.rows) {
          const rows = await c.query<{ row: string }>(
            `SELECT t::text AS row FROM ${schema}."${name}" t`,
          );
          text += rows.rows.map((r) => r.row).join('\n');
        }
        return text;
      }),
    drop: () => {
      // Under Vitest the run's global teardown drops it (schemas-teardown.ts): dropping it
      // now could fail another file's introspection. Benchmarks drop it at once.
      const list = schemaListFile(process.ppid);
      if (existsSync(list)) return Promise.resolve(appendFileSync(list, `${schema}\n`));
      return admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined);
    },
  };
}
