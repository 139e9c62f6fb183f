import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerEnv } from '@rolebridge/contracts';
import { newSecretsKey } from '../webhooks/secret-box.js';

export const SECRETS_KEY_FILE = 'secrets.key';

/**
 * The key that seals webhook secrets (decision 011). ROLEBRIDGE_SECRETS_KEY wins. Without it,
 * a single SQLite install keeps a random key in `secrets.key` beside the database (0600,
 * made on first start), so `npm start` needs no setup; that key protects a copied database
 * file only if the key file is not copied with it. Replicas on PostgreSQL share no folder,
 * so there the key must come from the environment, and without it there is none.
 */
export function resolveSecretsKey(
  env: ServerEnv,
  dataDir: string,
): { key: Buffer | null; source: string } {
  if (env.ROLEBRIDGE_SECRETS_KEY)
    return {
      key: Buffer.from(env.ROLEBRIDGE_SECRETS_KEY, 'base64'),
      source: 'ROLEBRIDGE_SECRETS_KEY',
    };
  if (env.DATABASE_URL) return { key: null, source: 'none' };
  const file = join(dataDir, SECRETS_KEY_FILE);
  if (!existsSync(file)) {
    // 'wx': two processes starting at once on one folder never overwrite each other's key.
    try {
      writeFileSync(file, `${newSecretsKey().toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return { key, source: file };
}
