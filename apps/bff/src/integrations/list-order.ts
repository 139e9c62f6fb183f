/**
 * The list's order, (name, id), exactly as SQLite sorts it: names compare under NOCASE
 * (ASCII letters folded, then bytes of UTF-8), ids as bytes. JavaScript compares UTF-16
 * code units, which puts U+10000 and above before U+E000–U+FFFF; UTF-8 (code point) order
 * puts them after, so those code units are remapped before comparing.
 */
export interface Ordered {
  /** The name with ASCII letters lower-cased: what NOCASE compares. */
  key: string;
  id: string;
}

export const foldAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

export const compareOrdered = (a: Ordered, b: Ordered) =>
  compareCodePoints(a.key, b.key) || compareCodePoints(a.id, b.id);

/**
 * The index keeps slots (numbers) in list order, not entries: `entryAt` gives a slot's entry.
 */
type EntryAt = (slot: number) => Ordered;

/** The first position in `sorted` whose entry comes after `point`. */
export function firstAfter(sorted: readonly number[], entryAt: EntryAt, point: Ordered): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrdered(entryAt(sorted[mid]!), point) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first position whose entry is not before `point`. */
function firstNotBefore(sorted: readonly number[], entryAt: EntryAt, point: Ordered): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareOrdered(entryAt(sorted[mid]!), point) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insertSorted(sorted: number[], entryAt: EntryAt, slot: number): void {
  sorted.splice(firstNotBefore(sorted, entryAt, entryAt(slot)), 0, slot);
}

/** Removes `slot`, found by its entry's order (which must still be its entry). */
export function removeSorted(sorted: number[], entryAt: EntryAt, slot: number): void {
  const at = firstNotBefore(sorted, entryAt, entryAt(slot));
  if (sorted[at] === slot) sorted.splice(at, 1);
}
