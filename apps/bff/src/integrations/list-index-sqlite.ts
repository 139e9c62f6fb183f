import type SqliteDatabase from 'better-sqlite3';
import type { Generation } from '../db/generation.js';
import type { FollowedIndex, ListIndex, RawRow } from './list-index.js';
import type { ListFilter } from './list-query.js';

/**
 * Keeps a list index equal to a SQLite file, synchronously: better-sqlite3 reads the changes
 * and the walk runs in the same tick, so no write lands between them.
 */
export class SqliteFollower implements FollowedIndex {
  private lastSeq = -1;
  /** The database's generation when the index last read its changes. */
  private syncedAt: string | undefined;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly index: ListIndex,
    private readonly sqlite: SqliteDatabase.Database,
    private readonly generation: Generation | null = null,
  ) {
    this.statements = prepare(sqlite);
  }

  sync(): boolean {
    if (this.sqlite.inTransaction) return false;
    // Nothing was written since the last read of the changes: nothing to read.
    const generation = this.generation?.current();
    if (generation !== undefined && generation === this.syncedAt) return true;
    this.syncedAt = generation;
    const { maxSeq, changesSince, all, one } = this.statements;
    // The sequence is read before the rows: a commit by another process in between is
    // read again next time, and re-reading a row is harmless.
    if (this.lastSeq < 0) {
      this.lastSeq = maxSeq.get() as number;
      this.index.load(all.all() as RawRow[]);
      return true;
    }
    const changes = changesSince.all(this.lastSeq) as { integration_id: string; seq: number }[];
    for (const change of changes) {
      this.index.put(change.integration_id, one.get(change.integration_id) as RawRow | undefined);
      this.lastSeq = change.seq;
    }
    return true;
  }

  query(filter: ListFilter) {
    return this.index.query(filter);
  }

  get size() {
    return this.index.size;
  }
}

const LIST_ROW = `SELECT i.*, (SELECT json_group_array(label) FROM (SELECT label FROM integration_labels l WHERE l.integration_id = i.id ORDER BY label)) AS labels_json FROM aws_integrations i`;

function prepare(sqlite: SqliteDatabase.Database) {
  return {
    maxSeq: sqlite.prepare('SELECT coalesce(max(seq), 0) FROM integration_changes').pluck(),
    changesSince: sqlite.prepare(
      'SELECT integration_id, seq FROM integration_changes WHERE seq > ? ORDER BY seq',
    ),
    all: sqlite.prepare(LIST_ROW),
    one: sqlite.prepare(`${LIST_ROW} WHERE i.id = ?`),
  };
}
