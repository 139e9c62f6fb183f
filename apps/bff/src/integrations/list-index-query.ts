import {
  COUNT_CAP,
  type ListFilter,
  type ListTotal,
  type VerificationStatus,
} from './list-query.js';
import { firstAfter, foldAscii, type Ordered } from './list-order.js';

export interface IndexEntry extends Ordered {
  /** Its place in `IndexState.entries` and in every bit set. */
  slot: number;
  name: string;
  spaceId: string;
  labels: readonly string[];
  status: VerificationStatus;
  /** The item as the list serialises it, in UTF-8 (list-json.ts). */
  json: Buffer;
}

/**
 * Lists hold slots, small integers, rather than the entries: a walk reads a packed array of
 * numbers and one bit per label or status filter, and visits an entry only once those
 * match. Walking entries themselves meant a cache miss or three per entry, four times the
 * time of the same walk with the entries already in the CPU's cache.
 */
export interface IndexState {
  /** Entries by slot; a free slot holds undefined until an entry takes it again. */
  entries: (IndexEntry | undefined)[];
  /** Their folded names by slot: a search reads the name without visiting the entry. */
  keys: string[];
  /** Every integration's slot in list order. */
  all: number[];
  /** `l:<label>`, `s:<status>` and `t:<two or three characters>` → their slots in list order. */
  postings: Map<string, number[]>;
  /** `l:<label>` and `s:<status>` → a bit per slot, set for the entries they hold. */
  bits: Map<string, Uint32Array>;
}

const EMPTY: number[] = [];
const NO_BITS = new Uint32Array(0);

const hasBit = (bits: Uint32Array, slot: number) =>
  ((bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;

/** Every run of `n` characters in `s`. */
function runsOf(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i += 1) out.push(s.slice(i, i + n));
  return out;
}

/** What a folded name is listed under: every run of two and of three characters. */
export const gramsOf = (key: string) => new Set([...runsOf(key, 2), ...runsOf(key, 3)]);

/**
 * The lists a search can walk: its three-character runs, or itself when two characters
 * long ("ml", "qa"); a one-character search walks every integration.
 */
const searchGrams = (needle: string) => (needle.length === 2 ? [needle] : runsOf(needle, 3));

/**
 * One page in list order and the total, answering exactly what `list-query.ts` answers in
 * SQL: the same filters (ASCII case ignored in searches, like LIKE), the same cap on totals.
 */
export function queryIndex(state: IndexState, filter: ListFilter) {
  const needle = filter.q ? foldAscii(filter.q) : undefined;
  const spaces = filter.spaceIds === 'all' ? null : new Set(filter.spaceIds);
  const { space, status, labels } = filter;
  // Labels and the status are checked on their bits (list-index.ts sets them).
  const withBits = [...labels.map((l) => `l:${l}`), ...(status ? [`s:${status}`] : [])];
  const required = withBits.map((key) => state.bits.get(key) ?? NO_BITS);
  const keys = [...withBits, ...(needle ? searchGrams(needle) : []).map((gram) => `t:${gram}`)];
  const further = spaces !== null || space !== undefined || needle !== undefined;
  const entryAt = (slot: number) => state.entries[slot]!;
  const matches = (slot: number) => {
    for (let i = 0; i < required.length; i += 1) if (!hasBit(required[i]!, slot)) return false;
    if (!further) return true;
    if (needle !== undefined && !state.keys[slot]!.includes(needle)) return false;
    const e = entryAt(slot);
    return (!spaces || spaces.has(e.spaceId)) && (space === undefined || e.spaceId === space);
  };

  // The shortest list that holds every match leads; the others are checked on each slot.
  let driver = state.all;
  for (const key of keys) {
    const list = state.postings.get(key) ?? EMPTY;
    if (list.length < driver.length) driver = list;
  }
  const items: IndexEntry[] = [];
  const start = filter.after ? firstAfter(driver, entryAt, foldedPoint(filter.after)) : 0;
  for (let i = start; i < driver.length && items.length < filter.limit; i += 1) {
    const slot = driver[i]!;
    if (matches(slot)) items.push(entryAt(slot));
  }
  /** Matches from the start, counted up to `cap` without keeping them. */
  const count = (cap: number) => {
    // Labels and a status alone: the slots set in all their bit sets, counted a word at a time.
    if (!further && required.length > 0) return Math.min(cap, countInAll(required));
    let n = 0;
    for (let i = 0; i < driver.length && n < cap; i += 1) if (matches(driver[i]!)) n += 1;
    return n;
  };
  return { items, total: totalOf(filter, items.length, state.all.length, count) };
}

function totalOf(
  filter: ListFilter,
  found: number,
  size: number,
  count: (cap: number) => number,
): ListTotal {
  // A first page that is not full holds every match.
  if (!filter.after && found < filter.limit) return { total: found, exact: true };
  const unfiltered = filter.labels.length === 0 && !filter.q && !filter.space && !filter.status;
  if (unfiltered && filter.spaceIds === 'all') return { total: size, exact: true };
  const total = count(COUNT_CAP + 1);
  return total > COUNT_CAP ? { total: COUNT_CAP, exact: false } : { total, exact: true };
}

/** How many slots are set in every one of `sets`. */
function countInAll(sets: readonly Uint32Array[]): number {
  const words = Math.min(...sets.map((bits) => bits.length));
  let n = 0;
  for (let w = 0; w < words; w += 1) {
    let x = sets[0]![w]!;
    for (let i = 1; i < sets.length; i += 1) x &= sets[i]![w]!;
    n += bitsIn(x);
  }
  return n;
}

/** The bits set in a 32-bit word (SWAR popcount). */
function bitsIn(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const foldedPoint = (after: { name: string; id: string }): Ordered => ({
  key: foldAscii(after.name),
  id: after.id,
});
