import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from './database.js';

const root = mkdtempSync(join(tmpdir(), 'rolebridge-modes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);

describe('the data folder is readable by its owner only', () => {
  it('creates the folder 0700 and the database, WAL and shared-memory files 0600', async () => {
    const dir = join(root, 'fresh', 'data');
    const file = join(dir, 'rolebridge.db');
    const db = openDatabase(file);
    await migrateToLatest(db);
    expect(mode(dir)).toBe('700');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, '600']);
    await db.destroy();
  });

  it('tightens a folder and files an older version left world-readable', async () => {
    const dir = join(root, 'old');
    const file = join(dir, 'rolebridge.db');
    const first = openDatabase(file);
    await migrateToLatest(first);
    await first.destroy();
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    writeFileSync(`${file}-wal`, '');
    chmodSync(`${file}-wal`, 0o644);
    const db = openDatabase(file);
    expect(mode(dir)).toBe('700');
    expect(mode(file)).toBe('600');
    expect(mode(`${file}-wal`)).toBe('600');
    await db.destroy();
  });
});
