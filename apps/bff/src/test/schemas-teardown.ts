import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { schemaListFile } from './test-database.js';

/**
 * Vitest global setup: PostgreSQL schemas that test files are done with are dropped after
 * the whole run, not while other files run. Kysely's introspection (its migrator asks it
 * whether the migration table exists) reads every schema in the database and fails with
 * "schema … does not exist" when another file drops its own at that moment.
 */
export default function setup() {
  const file = schemaListFile(process.pid);
  writeFileSync(file, '');
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    const schemas = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    rmSync(file, { force: true });
    if (!url || schemas.length === 0) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  };
}
