import type { Db } from '../db/database.js';
import type { FollowedIndex, ListIndex, RawRow } from './list-index.js';
import { labelsJsonOf, type ListFilter } from './list-query.js';

/**
 * Keeps a list index equal to a PostgreSQL database that other replicas write too
 * (docs/decisions/015-list-index-on-postgresql.md). Every list request asks for the changes
 * committed since the last ones applied (migration 120 makes their sequence follow commit
 * order), so a write any replica committed before the request is in its answer. Requests
 * arriving while a read is in flight share the next one: however many wait, at most one read
 * runs and one is queued.
 */
export class PostgresFollower implements FollowedIndex {
  private lastSeq: number | null = null;
  private running: Promise<boolean> | null = null;
  private queued: Promise<boolean> | null = null;
  constructor(
    private readonly index: ListIndex,
    private readonly db: Db,
  ) {}

  sync(): Promise<boolean> {
    if (!this.running) {
      this.running = this.catchUp().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // The read in flight may have started before the caller's write committed.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  query(filter: ListFilter) {
    return this.index.query(filter);
  }

  private async catchUp(): Promise<boolean> {
    const { db } = this;
    if (this.lastSeq === null) {
      // The sequence is read before the rows: a commit in between is read again next time,
      // and re-reading a row is harmless.
      const { seq } = await db
        .selectFrom('integration_changes')
        .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('seq'))
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom('aws_integrations as i')
        .selectAll('i')
        .select(labelsJsonOf('postgres', 'i'))
        .execute();
      this.index.load(rows);
      this.lastSeq = Number(seq);
      return true;
    }
    // One statement, one snapshot: each changed integration as that snapshot has it.
    const changes = await db
      .selectFrom('integration_changes as c')
      .leftJoin('aws_integrations as i', 'i.id', 'c.integration_id')
      .selectAll('i')
      .select(['c.integration_id as changed', 'c.seq as changed_seq'])
      .select(labelsJsonOf('postgres', 'i'))
      .where('c.seq', '>', this.lastSeq)
      .orderBy('c.seq')
      .execute();
    for (const { changed, changed_seq, ...row } of changes) {
      this.index.put(changed, row.id === null ? undefined : (row as RawRow));
      this.lastSeq = Number(changed_seq);
    }
    return true;
  }
}
