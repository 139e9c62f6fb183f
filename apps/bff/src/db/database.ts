import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import * as initial from './migrations/001-initial.js';
import * as setupFlow from './migrations/002-setup-flow.js';
import * as stacksAndRuns from './migrations/003-stacks-and-runs.js';
import * as rateLimits from './migrations/010-rate-limits.js';
import * as tokenLineage from './migrations/011-token-lineage.js';
import * as verificationRun from './migrations/020-verification-run.js';
import * as listSearch from './migrations/040-list-search.js';
import { countWrites, trackGeneration, type Generation } from './generation.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** Migrations are listed in code, not read from a folder, so the bundled server carries them. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-setup-flow': setupFlow,
  '003-stacks-and-runs': stacksAndRuns,
  '010-rate-limits': rateLimits,
  '011-token-lineage': tokenLineage,
  '020-verification-run': verificationRun,
  '040-list-search': listSearch,
};

const generations = new WeakMap<Db, Generation>();

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const generation = trackGeneration(sqlite);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, generation) }),
  });
  generations.set(db, generation);
  return db;
}

/** The database's generation, for caches that must never serve data older than the file. */
export function generationOf(db: Db): Generation {
  const generation = generations.get(db);
  if (!generation) throw new Error('generationOf: database not opened with openDatabase');
  return generation;
}

/**
 * Kysely prepares every query afresh; compiling SQL is a large share of a fast query's
 * cost in SQLite, so prepared statements are kept per SQL text (queries are parameterised,
 * so the set of texts is small and bounded by the code).
 */
function withStatementCache(
  sqlite: SqliteDatabase.Database,
  generation: Generation,
  max = 500,
): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= max) cache.clear();
      statement = prepare(source);
      if (!statement.reader) countWrites(statement, generation);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error ?? failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
