import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointInBackground, type CheckpointResult } from './checkpointer.js';
import { openDatabase, sqliteOf, type Db } from './database.js';
import { testDatabaseUrl } from '../test/test-database.js';

const dirs: string[] = [];
const open: Db[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.destroy()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'rolebridge-ckpt-'));
  dirs.push(dir);
  const file = join(dir, 'rolebridge.db');
  const db = openDatabase(file);
  open.push(db);
  const sqlite = sqliteOf(db)!;
  sqlite.exec('CREATE TABLE filler (x BLOB)');
  return { db, sqlite, file };
}

/** One transaction of `pages` new 4 KiB pages, more than SQLite's autocheckpoint (1,000). */
const writePages = (sqlite: NonNullable<ReturnType<typeof sqliteOf>>, pages: number) =>
  sqlite
    .prepare(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ' +
        'INSERT INTO filler SELECT randomblob(4000) FROM n',
    )
    .run(pages);

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(done()).toBe(true);
};

const autocheckpoint = (sqlite: NonNullable<ReturnType<typeof sqliteOf>>) =>
  sqlite.pragma('wal_autocheckpoint', { simple: true });

// SQLite's own mechanics: the PostgreSQL project has nothing to run here.
describe.skipIf(testDatabaseUrl)('WAL checkpoints on a thread of their own', () => {
  const logger = pino({ level: 'silent' });

  it('leaves the log to the thread: a commit past 1,000 pages copies nothing into the file', async () => {
    const { db, sqlite, file } = tempDatabase();
    // The thread's first look is a minute away: whatever reaches the file now, a commit did.
    checkpointInBackground(db, { logger, intervalMs: 60_000 });
    await until(() => autocheckpoint(sqlite) === 0);
    const before = statSync(file).size;
    writePages(sqlite, 1_200);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_200 * 4096);
    expect(statSync(file).size).toBe(before);
  });

  it('checkpoints the whole log once something was written, and not again until the next write', async () => {
    const { db, sqlite, file } = tempDatabase();
    const results: CheckpointResult[] = [];
    checkpointInBackground(db, { logger, intervalMs: 10, onCheckpoint: (r) => results.push(r) });
    await until(() => autocheckpoint(sqlite) === 0);
    writePages(sqlite, 1_200);
    await until(() => results.some((r) => r.log >= 1_200 && r.checkpointed === r.log));
    expect(statSync(file).size).toBeGreaterThan(1_200 * 4000);
    const seen = results.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(results.length).toBe(seen);
    // The log starts over once checkpointed: it stays the size of one write, not of all.
    for (let i = 0; i < 4; i++) {
      const done = results.length;
      writePages(sqlite, 500);
      await until(() => results.slice(done).some((r) => r.log >= 500 && r.checkpointed === r.log));
    }
    expect(statSync(`${file}-wal`).size).toBeLessThan(1_300 * 4096);
  });

  it('gives checkpoints back to commits when the thread stops, or the database closes with it', async () => {
    const { db, sqlite, file } = tempDatabase();
    const stop = checkpointInBackground(db, { logger, intervalMs: 10 });
    await until(() => autocheckpoint(sqlite) === 0);
    await stop();
    expect(autocheckpoint(sqlite)).toBe(1000);
    const before = statSync(file).size;
    writePages(sqlite, 1_200);
    expect(statSync(file).size).toBeGreaterThan(before);

    const other = tempDatabase();
    const stopOther = checkpointInBackground(other.db, { logger, intervalMs: 10 });
    await until(() => autocheckpoint(other.sqlite) === 0);
    writePages(other.sqlite, 10);
    await other.db.destroy();
    open.splice(open.indexOf(other.db), 1);
    await stopOther();
  });

  it('does nothing for a database in memory', async () => {
    const db = openDatabase(':memory:');
    open.push(db);
    await checkpointInBackground(db, { logger })();
    expect(autocheckpoint(sqliteOf(db)!)).toBe(1000);
  });
});
