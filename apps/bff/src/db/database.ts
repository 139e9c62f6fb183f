import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import * as initial from './migrations/001-initial.js';
import * as setupFlow from './migrations/002-setup-flow.js';
import * as stacksAndRuns from './migrations/003-stacks-and-runs.js';
import * as rateLimits from './migrations/010-rate-limits.js';
import * as tokenLineage from './migrations/011-token-lineage.js';
import * as verificationRun from './migrations/020-verification-run.js';
import * as listSearch from './migrations/040-list-search.js';
import * as runSessionName from './migrations/060-run-session-name.js';
import * as listChanges from './migrations/080-list-changes.js';
import * as integrationHealth from './migrations/090-integration-health.js';
import * as webhooks from './migrations/100-webhooks.js';
import * as stateChangeOutbox from './migrations/110-state-change-outbox.js';
import * as listChangesPostgres from './migrations/120-list-changes-postgres.js';
import * as authVersion from './migrations/130-auth-version.js';
import * as integrationLockPerSchema from './migrations/140-integration-lock-per-schema.js';
import { dialectOf } from './dialect.js';
import { countWrites, narrowGeneration, trackGeneration, type Generation } from './generation.js';
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
  '060-run-session-name': runSessionName,
  '080-list-changes': listChanges,
  '090-integration-health': integrationHealth,
  '100-webhooks': webhooks,
  '110-state-change-outbox': stateChangeOutbox,
  '120-list-changes-postgres': listChangesPostgres,
  '130-auth-version': authVersion,
  '140-integration-lock-per-schema': integrationLockPerSchema,
};

export const migrationNames = Object.keys(migrations);

const generations = new WeakMap<Db, Generation>();
const sqliteHandles = new WeakMap<Db, SqliteDatabase.Database>();
const sqliteReaders = new WeakMap<Db, SqliteDatabase.Database>();

export interface PoolOptions {
  /** Connections per replica; PostgreSQL's default limit is 100 for all replicas together. */
  max?: number;
  /** Idle clients that fail (the server restarted, a network blip) are reported here. */
  onError?: (err: Error) => void;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** A SQLite file (or `:memory:`), or PostgreSQL when given a `postgres://` URL. */
export function openDatabase(location: string, options: PoolOptions = {}): Db {
  return isPostgresUrl(location) ? openPostgres(location, options) : openSqlite(location);
}

function openPostgres(url: string, options: PoolOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // Fail a request that cannot get a connection rather than queue it forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // No query of ours runs for long; one that does is stuck and holds locks.
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 15_000,
    application_name: 'rolebridge',
  });
  pool.on('error', (err) => options.onError?.(err));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') restrictFiles(file);
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
  sqliteHandles.set(db, sqlite);
  sqliteReaders.set(db, file === ':memory:' ? sqlite : openReader(file, sqlite));
  return db;
}

/**
 * A second connection to the file that only reads, closed with the first. In WAL mode it
 * sees committed rows only, never those of a transaction still open on the first.
 */
function openReader(file: string, main: SqliteDatabase.Database) {
  const reader = new SqliteDatabase(file);
  reader.pragma('busy_timeout = 5000');
  reader.pragma('query_only = ON');
  closeFirst(main, () => reader.close());
  return reader;
}

/** Runs `before` whenever `sqlite` is closed, first: its companions go with it. */
export function closeFirst(sqlite: SqliteDatabase.Database, before: () => void) {
  const close = sqlite.close.bind(sqlite);
  sqlite.close = () => {
    before();
    return close();
  };
}

/**
 * The SQLite connection under `db`, for synchronous reads that must not interleave with
 * other queries (the list index); null on PostgreSQL.
 */
export function sqliteOf(db: Db): SqliteDatabase.Database | null {
  return sqliteHandles.get(db) ?? null;
}

/**
 * A connection to `db`'s SQLite file that reads only what is committed, for the list index
 * to follow the file while a transaction is open on `sqliteOf(db)`; for `:memory:` (one
 * connection only) that same connection. Null on PostgreSQL.
 */
export function sqliteReaderOf(db: Db): SqliteDatabase.Database | null {
  return sqliteReaders.get(db) ?? null;
}

/**
 * The database's generation, for caches that must never serve data older than the
 * database; null where there is none to watch (PostgreSQL: other replicas write too).
 */
export function generationOf(db: Db): Generation | null {
  return generations.get(db) ?? null;
}

const authGenerations = new WeakMap<Db, Generation>();

/**
 * A generation that moves only with writes to users, memberships and sessions (migration
 * 130's counter), for the session cache: other writes leave sessions cached. Null where
 * `generationOf` is.
 */
export function authGenerationOf(db: Db): Generation | null {
  const base = generations.get(db);
  const sqlite = sqliteHandles.get(db);
  if (!base || !sqlite) return null;
  let narrowed = authGenerations.get(db);
  if (!narrowed) {
    // Prepared on first use: the table exists once migrations ran.
    const version = () => sqlite.prepare('SELECT version FROM auth_version').pluck().get();
    narrowed = narrowGeneration(base, version, () => sqlite.inTransaction);
    authGenerations.set(db, narrowed);
  }
  return narrowed;
}

/**
 * The database holds password and token hashes and the audit log: owner-only, folder 0700
 * and files 0600. SQLite gives its -wal and -shm files the main file's mode, so creating
 * that one first with 0600 covers all three.
 */
function restrictFiles(file: string) {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
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

// Any fixed 64-bit number; other applications on the same database should not pick it.
const STARTUP_LOCK = 7_236_914_582_113_004_001n;

/**
 * Runs start-up work (migrations, the first admin) in one replica at a time: replicas
 * starting together on an empty PostgreSQL database wait here, and the first one's work
 * is what the others then find. The lock is tied to a session, so a replica killed
 * mid-way releases it. SQLite needs no lock: its writers are serialised by the file.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return work();
  return db.connection().execute(async (session) => {
    await sql`SELECT pg_advisory_lock(${sql.lit(STARTUP_LOCK)})`.execute(session);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${sql.lit(STARTUP_LOCK)})`.execute(session);
    }
  });
}

export async function migrateToLatest(db: Db): Promise<void> {
  // Kysely's bookkeeping tables go in the schema we write to (the first on search_path),
  // not whichever schema happens to hold a table of that name already.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error ?? failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
