import {
  COUNT_CAP,
  type ListFilter,
  type ListTotal,
  type VerificationStatus,
} from './list-query.js';
import { firstAfter, foldAscii, type Ordered } from './list-order.js';

export interface IndexEntry extends Ordered {
  name: string;
  spaceId: string;
  labels: ReadonlySet<string>;
  status: VerificationStatus;
  /** The item as the list serialises it (list-json.ts). */
  json: string;
}

export interface IndexState {
  /** Every integration in list order. */
  all: IndexEntry[];
  /** `l:<label>`, `s:<status>` and `t:<trigram>` → their integrations in list order. */
  postings: Map<string, IndexEntry[]>;
}

const EMPTY: IndexEntry[] = [];

/** Every three-character run of a folded name: a search walks its rarest one's list. */
export function trigramsOf(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= key.length; i += 1) out.add(key.slice(i, i + 3));
  return out;
}

/**
 * One page in list order and the total, answering exactly what `list-query.ts` answers in
 * SQL: the same filters (ASCII case ignored in searches, like LIKE), the same cap on totals.
 */
export function queryIndex(state: IndexState, filter: ListFilter) {
  const needle = filter.q ? foldAscii(filter.q) : undefined;
  const spaces = filter.spaceIds === 'all' ? null : new Set(filter.spaceIds);
  const { labels, space, status } = filter;
  const matches = (e: IndexEntry) =>
    labels.every((l) => e.labels.has(l)) &&
    (!spaces || spaces.has(e.spaceId)) &&
    (space === undefined || e.spaceId === space) &&
    (!status || e.status === status) &&
    (needle === undefined || e.key.includes(needle));

  // The shortest list that holds every match leads; the others are checked on each entry.
  const keys = [
    ...labels.map((l) => `l:${l}`),
    ...(status ? [`s:${status}`] : []),
    ...[...(needle ? trigramsOf(needle) : [])].map((t) => `t:${t}`),
  ];
  let driver = state.all;
  for (const key of keys) {
    const list = state.postings.get(key) ?? EMPTY;
    if (list.length < driver.length) driver = list;
  }
  const items: IndexEntry[] = [];
  const start = filter.after ? firstAfter(driver, foldedPoint(filter.after)) : 0;
  for (let i = start; i < driver.length && items.length < filter.limit; i += 1) {
    const entry = driver[i]!;
    if (matches(entry)) items.push(entry);
  }
  /** Matches from the start, counted up to `cap` without keeping them. */
  const count = (cap: number) => {
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

const foldedPoint = (after: { name: string; id: string }): Ordered => ({
  key: foldAscii(after.name),
  id: after.id,
});
