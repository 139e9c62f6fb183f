import type SqliteDatabase from 'better-sqlite3';
import type { Db } from '../db/database.js';
import { generationOf, sqliteOf } from '../db/database.js';
import type { Generation } from '../db/generation.js';
import { itemJson } from './list-json.js';
import { queryIndex, trigramsOf, type IndexEntry, type IndexState } from './list-index-query.js';
import type { ListFilter, VerificationStatus } from './list-query.js';
import { compareOrdered, foldAscii, insertSorted, removeSorted } from './list-order.js';
import { healthStateOf } from './verification-status.js';
import type { IntegrationWithLabels } from './repository.js';

/**
 * SQLite only: every integration in list order, with posting lists per label and status
 * and each item's JSON, so a page is a walk over memory and a join of strings
 * (docs/decisions/012-in-memory-list-index.md). It follows the database through
 * `integration_changes` (migration 080, written by triggers on every write): before each
 * query it reads the changes since the last one it applied and re-reads those rows.
 */
export class ListIndex {
  private readonly state: IndexState = { all: [], postings: new Map() };
  private readonly byId = new Map<string, IndexEntry>();
  private lastSeq = -1;
  /** The database's generation when the index last read its changes. */
  private syncedAt: string | undefined;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly generation: Generation | null = null,
  ) {
    this.statements = prepare(sqlite);
  }

  /**
   * Brings the index up to the database, or returns false when it cannot: a transaction
   * is open on the connection, and what it wrote may still roll back.
   */
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
      this.load(all.all() as RawRow[]);
      return true;
    }
    const changes = changesSince.all(this.lastSeq) as { integration_id: string; seq: number }[];
    for (const change of changes) {
      this.put(change.integration_id, one.get(change.integration_id) as RawRow | undefined);
      this.lastSeq = change.seq;
    }
    return true;
  }

  query(filter: ListFilter) {
    return queryIndex(this.state, filter);
  }

  get size() {
    return this.byId.size;
  }

  /** Sorting once: inserting 100,000 rows one by one would move O(n²) array slots. */
  private load(rows: RawRow[]) {
    const { all, postings } = this.state;
    for (const row of rows) {
      const entry = entryOf(row);
      this.byId.set(entry.id, entry);
      all.push(entry);
      for (const key of postingKeys(entry)) {
        const list = postings.get(key);
        if (list) list.push(entry);
        else postings.set(key, [entry]);
      }
    }
    all.sort(compareOrdered);
    for (const list of postings.values()) list.sort(compareOrdered);
  }

  private put(id: string, row: RawRow | undefined) {
    const old = this.byId.get(id);
    if (old) this.unlink(old);
    if (!row) {
      this.byId.delete(id);
      return;
    }
    const entry = entryOf(row);
    this.byId.set(id, entry);
    insertSorted(this.state.all, entry);
    for (const key of postingKeys(entry)) {
      let list = this.state.postings.get(key);
      if (!list) this.state.postings.set(key, (list = []));
      insertSorted(list, entry);
    }
  }

  private unlink(entry: IndexEntry) {
    removeSorted(this.state.all, entry);
    for (const key of postingKeys(entry)) {
      const list = this.state.postings.get(key);
      if (!list) continue;
      removeSorted(list, entry);
      if (list.length === 0) this.state.postings.delete(key);
    }
  }
}

type RawRow = Omit<IntegrationWithLabels, 'labels'> & { labels_json: string };

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

/** The list's status is the health state, as the SQL path reads it (`verification-status.ts`). */
const statusOfState = Object.fromEntries(
  Object.entries(healthStateOf).map(([status, state]) => [state, status]),
) as Record<string, VerificationStatus>;

function entryOf({ labels_json, ...row }: RawRow): IndexEntry {
  const labels = JSON.parse(labels_json) as string[];
  return {
    id: row.id,
    key: foldAscii(row.name),
    name: row.name,
    spaceId: row.space_id,
    labels: new Set(labels),
    status: statusOfState[row.health_state] ?? 'not-checked',
    json: itemJson({ ...row, labels }),
  };
}

const postingKeys = (entry: IndexEntry) => [
  `s:${entry.status}`,
  ...[...entry.labels].map((label) => `l:${label}`),
  ...[...trigramsOf(entry.key)].map((trigram) => `t:${trigram}`),
];

const indexes = new WeakMap<Db, ListIndex>();

/** The index over `db`'s integrations, shared by everything using that connection. */
export function listIndexOf(db: Db): ListIndex | null {
  const sqlite = sqliteOf(db);
  if (!sqlite) return null;
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new ListIndex(sqlite, generationOf(db))));
  return index;
}
