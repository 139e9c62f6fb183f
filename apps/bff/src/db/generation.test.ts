import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generationOf, migrateToLatest, openDatabase, type Db } from './database.js';
import { spaceRow } from '../test/space-row.js';
import { GenerationCache } from './generation.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function open(): Promise<{ db: Db; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rolebridge-gen-'));
  dirs.push(dir);
  const file = join(dir, 'rolebridge.db');
  const db = openDatabase(file);
  await migrateToLatest(db);
  return { db, file };
}

const spaceCount = async (db: Db) => (await db.selectFrom('spaces').select('id').execute()).length;

/** The next turn of the event loop: another process's commit is seen from there on. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('generation cache', () => {
  it('keeps a value from its second miss on, until this connection writes', async () => {
    const { db } = await open();
    const cache = new GenerationCache<number>(generationOf(db));
    expect(await cache.get('n', () => spaceCount(db))).toBe(0);
    // Asked once: not kept, so a page nobody asks for again never outlives the young heap.
    expect(await cache.get('n', () => Promise.resolve(7))).toBe(7);
    expect(await cache.get('n', () => Promise.resolve(-1))).toBe(7);
    await db.insertInto('spaces').values(spaceRow('root')).execute();
    expect(await cache.get('n', () => Promise.resolve(-1))).toBe(-1);
    await db.destroy();
  });

  it('notices a commit by another process on the same file from the next turn', async () => {
    const { db, file } = await open();
    const cache = new GenerationCache<number>(generationOf(db));
    await cache.get('n', () => spaceCount(db));
    await cache.get('n', () => spaceCount(db));
    expect(await cache.get('n', () => Promise.resolve(-1))).toBe(0);
    const other = new SqliteDatabase(file);
    other
      .prepare(
        `INSERT INTO spaces (id, name, description, inherit_entities, created_at) VALUES ('x', 'x', '', 0, 'now')`,
      )
      .run();
    other.close();
    await nextTurn();
    expect(await cache.get('n', () => spaceCount(db))).toBe(1);
    await db.destroy();
  });
});
