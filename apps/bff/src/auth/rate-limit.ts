import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { TooManyRequests } from '../http/errors.js';

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window attempt counters in the `rate_limits` table, shared by every process on the
 * database. An attempt is counted *before* the expensive work (the scrypt hash), so parallel
 * guesses cannot all slip in under the limit; a caller that succeeds releases its slot.
 * Written here rather than taken from rate-limiter-flexible: its SQL stores bring their
 * own client and tables, not our Kysely connection and migrations (decision 006).
 */
export function createRateLimiter(db: Db, now: () => number) {
  let lastSweep = 0;

  async function sweep(at: number) {
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    await db.deleteFrom('rate_limits').where('reset_at', '<=', at).execute();
  }

  return {
    /**
     * Counts one attempt for each key; throws 429 (and keeps nothing counted) when any key is
     * over its limit. Returns the release to call when the attempt turns out legitimate.
     */
    async reserve(
      keys: { key: string; rule: RateLimit }[],
      message = 'Too many attempts',
    ): Promise<() => Promise<void>> {
      const at = now();
      await sweep(at);
      let wait = 0;
      const counted: string[] = [];
      for (const { key, rule } of keys) {
        const row = await db
          .insertInto('rate_limits')
          .values({ key, count: 1, reset_at: at + rule.windowMs })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              // An expired window starts over at this attempt; a live one counts it.
              count: sql<number>`CASE WHEN rate_limits.reset_at <= ${at} THEN 1 ELSE rate_limits.count + 1 END`,
              reset_at: sql<number>`CASE WHEN rate_limits.reset_at <= ${at} THEN excluded.reset_at ELSE rate_limits.reset_at END`,
            }),
          )
          .returning(['count', 'reset_at'])
          .executeTakeFirstOrThrow();
        counted.push(key);
        if (Number(row.count) > rule.limit)
          wait = Math.max(wait, Math.ceil((Number(row.reset_at) - at) / 1000));
      }
      const release = () => releaseKeys(counted);
      if (wait > 0) {
        // A refused attempt does no work, so it does not eat into the next window either.
        await release();
        throw new TooManyRequests(`${message}. Try again in ${wait} seconds.`, wait);
      }
      return release;
    },

    /** Forgets a key's attempts, e.g. an account's failures after its owner logs in. */
    async reset(key: string) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };

  // One row per statement: a multi-row UPDATE locks its rows in whatever order the plan
  // meets them, and two of them crossing on PostgreSQL deadlock (one answered 500).
  async function releaseKeys(keys: string[]) {
    for (const key of keys) {
      await db
        .updateTable('rate_limits')
        .set({ count: sql<number>`count - 1` })
        .where('key', '=', key)
        .where('count', '>', 0)
        .execute();
    }
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
