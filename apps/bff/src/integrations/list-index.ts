import type { Db } from '../db/database.js';
import { generationOf, sqliteOf, sqliteReaderOf } from '../db/database.js';
import { itemJson } from './list-json.js';
import { queryIndex, trigramsOf, type IndexEntry, type IndexState } from './list-index-query.js';
import { PostgresFollower } from './list-index-postgres.js';
import { SqliteFollower } from './list-index-sqlite.js';
import type { ListFilter, VerificationStatus } from './list-query.js';
import { compareOrdered, foldAscii, insertSorted, removeSorted } from './list-order.js';
import { healthStateOf } from './verification-status.js';
import type { IntegrationWithLabels } from './repository.js';

/** An integration as the index reads it: the row and its labels as sorted JSON text. */
export type RawRow = Omit<IntegrationWithLabels, 'labels'> & { labels_json: string };

/**
 * Every integration in list order, with posting lists per label and status and each item's
 * JSON, so a page is a walk over memory and a join of strings
 * (docs/decisions/012-in-memory-list-index.md). A follower keeps it equal to the database
 * through `integration_changes` (migrations 080 and 120, written by triggers on every
 * write): before each query it reads the changes since the last one it applied and
 * re-reads those rows.
 */
export class ListIndex {
  private readonly state: IndexState = { all: [], postings: new Map() };
  private readonly byId = new Map<string, IndexEntry>();

  query(filter: ListFilter) {
    return queryIndex(this.state, filter);
  }

  /** Sorting once: inserting 100,000 rows one by one would move O(n²) array slots. */
  load(rows: RawRow[]) {
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

  /** The integration `id` as it is now: `row`, or gone when there is none. */
  put(id: string, row: RawRow | undefined) {
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

/** An index kept up to date with one database. */
export interface FollowedIndex {
  /**
   * Brings the index up to the database as of this call, or answers false when it cannot
   * (an in-memory SQLite database with a transaction open: what it wrote may roll back).
   */
  sync(): boolean | Promise<boolean>;
  query(filter: ListFilter): ReturnType<typeof queryIndex>;
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

const indexes = new WeakMap<Db, FollowedIndex>();

/** The index over `db`'s integrations, shared by everything using that connection or pool. */
export function listIndexOf(db: Db): FollowedIndex {
  let index = indexes.get(db);
  if (!index) {
    const sqlite = sqliteOf(db);
    const reader = sqliteReaderOf(db);
    index =
      sqlite && reader
        ? new SqliteFollower(new ListIndex(), { main: sqlite, reader }, generationOf(db))
        : new PostgresFollower(new ListIndex(), db);
    indexes.set(db, index);
  }
  return index;
}
