import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseUrl, type TestDatabase } from '../test/test-database.js';
import {
  migrateToLatest,
  migrationNames,
  openDatabase,
  withStartupLock,
  type Db,
} from './database.js';

let database: TestDatabase | undefined;
const opened: Db[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
  await database?.drop();
});

/** What main.ts does before it listens: migrate, then create the first admin if none. */
async function start(db: Db) {
  await withStartupLock(db, async () => {
    await migrateToLatest(db);
    const { n } = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) return;
    await new Promise((r) => setTimeout(r, 100)); // the password hash takes a while
    await db
      .insertInto('users')
      .values({
        id: `u-${Math.random()}`,
        email: 'a@example.com',
        password_hash: 'x',
        created_at: '',
      })
      .execute();
  });
}

describe.skipIf(!testDatabaseUrl)('replicas starting together on an empty PostgreSQL', () => {
  it('migrate it once and create one first admin', async () => {
    database = await createTestDatabase();
    const replicas = Array.from({ length: 4 }, () => openDatabase(database!.location, { max: 2 }));
    opened.push(...replicas);
    await Promise.all(replicas.map(start));
    const db = replicas[0]!;
    const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    expect(migrations.rows.map((r) => r.name).sort()).toEqual([...migrationNames].sort());
    const users = await db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'a@example.com' }]);
  });
});
