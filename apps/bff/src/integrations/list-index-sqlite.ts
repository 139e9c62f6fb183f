import type SqliteDatabase from 'better-sqlite3';
import type { Generation } from '../db/generation.js';
import type { FollowedIndex, ListIndex, RawRow } from './list-index.js';
import type { ListFilter } from './list-query.js';

/**
 * Keeps a list index equal to a SQLite file, synchronously: better-sqlite3 reads the changes
 * and the walk runs in the same tick, so no write lands between them. It reads through its
 * own connection, which sees committed rows only: while another request's transaction is
 * open on the main connection, between two of its statements, the index still answers, as
 * of the last commit.
 */
export class SqliteFollower implements FollowedIndex {
  private lastSeq = -1;
  /** The database's generation when the index last read its changes. */
  private syncedAt: string | undefined;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly main: SqliteDatabase.Database;
  private readonly reader: SqliteDatabase.Database;

  constructor(
    private readonly index: ListIndex,
    connections: { main: SqliteDatabase.Database; reader: SqliteDatabase.Database },
    private readonly generation: Generation | null = null,
  ) {
    ({ main: this.main, reader: this.reader } = connections);
    this.statements = prepare(this.reader);
  }

  sync(): boolean {
    // Only `:memory:` reads through the main connection, which would see uncommitted rows.
    if (this.reader.inTransaction) return false;
    // Nothing was written since the last read of the changes: nothing to read.
    const generation = this.generation?.current();
    if (generation !== undefined && generation === this.syncedAt) return true;
    // What a transaction open on the main connection writes is not read here; it may
    // commit without moving the generation again, so the next call reads once more.
    this.syncedAt = this.main.inTransaction ? undefined : generation;
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
