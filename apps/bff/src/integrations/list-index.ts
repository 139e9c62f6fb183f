import type { Db } from '../db/database.js';
import { generationOf, sqliteOf, sqliteReaderOf } from '../db/database.js';
import { itemBytes } from './list-json.js';
import { gramsOf, queryIndex, type IndexEntry, type IndexState } from './list-index-query.js';
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
  private readonly state: IndexState = {
    entries: [],
    keys: [],
    all: [],
    postings: new Map(),
    bits: new Map(),
  };
  private readonly byId = new Map<string, IndexEntry>();
  private readonly freeSlots: number[] = [];
  /** Words in each bit set: every set covers every slot. */
  private words = 0;
  private readonly entryAt = (slot: number) => this.state.entries[slot]!;

  query(filter: ListFilter) {
    return queryIndex(this.state, filter);
  }

  /**
   * Fills the empty index with every row, sorted once: inserting 100,000 rows one by one
   * would move O(n²) array slots. Slots are handed out in list order, so every list, made by
   * appending slots in that order, is sorted already, and a walk down any list reads the
   * names and items in the order they were made, side by side in memory.
   */
  load(rows: RawRow[]) {
    if (this.byId.size > 0) throw new Error('load fills an empty index; put changes it');
    const { all, postings } = this.state;
    const ordered = rows
      .map((row) => ({ row, key: foldAscii(row.name), id: row.id }))
      .sort(compareOrdered);
    for (const { row } of ordered) {
      const entry = this.add(row);
      all.push(entry.slot);
      for (const key of postingKeys(entry)) {
        const list = postings.get(key);
        if (list) list.push(entry.slot);
        else postings.set(key, [entry.slot]);
      }
    }
  }

  /** The integration `id` as it is now: `row`, or gone when there is none. */
  put(id: string, row: RawRow | undefined) {
    const old = this.byId.get(id);
    if (old && row && foldAscii(row.name) === old.key) {
      this.update(old, entryOf(row, old.slot));
      return;
    }
    if (old) this.unlink(old);
    if (!row) return;
    const entry = this.add(row);
    insertSorted(this.state.all, this.entryAt, entry.slot);
    for (const key of postingKeys(entry)) insertSorted(this.listOf(key), this.entryAt, entry.slot);
  }

  /** A new entry in a free slot, with its bits set; the caller puts it in the lists. */
  private add(row: RawRow): IndexEntry {
    const slot = this.freeSlots.pop() ?? this.state.entries.length;
    const entry = entryOf(row, slot);
    this.byId.set(entry.id, entry);
    this.state.entries[slot] = entry;
    this.state.keys[slot] = entry.key;
    if (slot >>> 5 >= this.words) this.grow(slot);
    for (const key of bitKeys(entry)) this.setBit(key, slot);
    return entry;
  }

  /**
   * `entry` takes the slot of `old`, whose name it has: the same place in every list, so only
   * the lists of the labels and status it gained or lost change, not the forty or so lists of
   * its name's runs (each a splice of thousands of slots, were it taken out and put back).
   */
  private update(old: IndexEntry, entry: IndexEntry) {
    const before = new Set(bitKeys(old));
    const after = new Set(bitKeys(entry));
    for (const key of before) if (!after.has(key)) this.unlist(key, old.slot);
    this.byId.set(entry.id, entry);
    this.state.entries[entry.slot] = entry;
    for (const key of after) {
      if (before.has(key)) continue;
      insertSorted(this.listOf(key), this.entryAt, entry.slot);
      this.setBit(key, entry.slot);
    }
  }

  private listOf(key: string): number[] {
    let list = this.state.postings.get(key);
    if (!list) this.state.postings.set(key, (list = []));
    return list;
  }

  private setBit(key: string, slot: number) {
    let bits = this.state.bits.get(key);
    if (!bits) this.state.bits.set(key, (bits = new Uint32Array(this.words)));
    bits[slot >>> 5]! |= 1 << (slot & 31);
  }

  /** Takes `slot` out of `key`'s list and bits, and drops both once empty. */
  private unlist(key: string, slot: number) {
    const list = this.state.postings.get(key);
    if (!list) return;
    removeSorted(list, this.entryAt, slot);
    const bits = this.state.bits.get(key);
    if (bits) bits[slot >>> 5]! &= ~(1 << (slot & 31));
    if (list.length > 0) return;
    this.state.postings.delete(key);
    this.state.bits.delete(key);
  }

  private unlink(entry: IndexEntry) {
    const { slot } = entry;
    removeSorted(this.state.all, this.entryAt, slot);
    for (const key of postingKeys(entry)) this.unlist(key, slot);
    this.byId.delete(entry.id);
    this.state.entries[slot] = undefined;
    this.state.keys[slot] = '';
    this.freeSlots.push(slot);
  }

  /** Doubles every bit set until it covers `slot`. */
  private grow(slot: number) {
    while (slot >>> 5 >= this.words) this.words = Math.max(this.words * 2, 64);
    for (const [key, bits] of this.state.bits) {
      const grown = new Uint32Array(this.words);
      grown.set(bits);
      this.state.bits.set(key, grown);
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

function entryOf({ labels_json, ...row }: RawRow, slot: number): IndexEntry {
  const labels = JSON.parse(labels_json) as string[];
  return {
    slot,
    id: row.id,
    key: foldAscii(row.name),
    name: row.name,
    spaceId: row.space_id,
    labels,
    status: statusOfState[row.health_state] ?? 'not-checked',
    json: itemBytes({ ...row, labels }),
  };
}

/** The keys with a bit set as well as a list: few, where runs of a name are thousands. */
const bitKeys = (entry: IndexEntry) => [
  `s:${entry.status}`,
  ...entry.labels.map((label) => `l:${label}`),
];

const postingKeys = (entry: IndexEntry) => [
  ...bitKeys(entry),
  ...[...gramsOf(entry.key)].map((gram) => `t:${gram}`),
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
