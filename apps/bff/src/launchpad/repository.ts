import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { dialectOf, jsonFlag } from '../db/dialect.js';

export function createLaunchpadRepository(db: Db) {
  const exists = async (query: ReturnType<typeof sql<{ one: number }>>) =>
    (await query.execute(db)).rows.length > 0;
  return {
    async accountNamed() {
      const row = await db.selectFrom('account').select('named_at').executeTakeFirst();
      return Boolean(row?.named_at);
    },
    verifiedIntegrationExists() {
      return exists(
        sql<{ one: number }>`SELECT 1 AS one FROM aws_integrations
          WHERE ${jsonFlag(dialectOf(db), 'last_verification', 'ok')} LIMIT 1`,
      );
    },
    stackExists() {
      return exists(sql<{ one: number }>`SELECT 1 AS one FROM stacks LIMIT 1`);
    },
    acceptedInviteExists() {
      return exists(
        sql<{ one: number }>`SELECT 1 AS one FROM invites WHERE accepted_at IS NOT NULL LIMIT 1`,
      );
    },
  };
}

export type LaunchpadRepository = ReturnType<typeof createLaunchpadRepository>;
