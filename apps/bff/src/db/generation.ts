import type SqliteDatabase from 'better-sqlite3';

/**
 * A token that changes whenever the database may have changed: after any write through
 * this connection, and (through SQLite's `PRAGMA data_version`) after a commit by any
 * other connection or process on the same file. Caches keyed on it are exact, not TTL-based.
 * Another process's commit is seen from the next turn of the event loop: `data_version` is
 * read once per turn (a request reads the generation several times; each read was a tenth
 * of a cached page's cost), which serves the turn as of its start.
 */
export interface Generation {
  current(): string;
  /** Called after each write statement on this connection. */
  bump(): void;
}

export function trackGeneration(sqlite: SqliteDatabase.Database): Generation {
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let writes = 0;
  let thisTurn: string | undefined;
  const forget = () => {
    thisTurn = undefined;
  };
  return {
    current: () => {
      if (thisTurn === undefined) {
        thisTurn = String(dataVersion.get());
        setImmediate(forget);
      }
      return `${writes}:${thisTurn}`;
    },
    bump: () => {
      writes += 1;
    },
  };
}

/**
 * A generation that moves only when a counter does (`version`, e.g. migration 130's count
 * of writes to the tables a cache depends on), so other writes leave that cache alone. The
 * counter is read again only when the whole database's generation (`base`) moved. While a
 * transaction is open on the connection (`inTransaction`) it is `base` itself: the counter
 * could then hold a write that a rollback takes back, and the same value come again for
 * other contents.
 */
export function narrowGeneration(
  base: Generation,
  version: () => unknown,
  inTransaction: () => boolean,
): Generation {
  let seen: string | undefined;
  let value = '';
  return {
    current: () => {
      const now = base.current();
      if (inTransaction()) return `t${now}`;
      if (now !== seen) {
        seen = now;
        value = `v${String(version())}`;
      }
      return value;
    },
    bump: () => base.bump(),
  };
}

/** Wraps a write statement so running it moves the generation on. */
export function countWrites(statement: SqliteDatabase.Statement, generation: Generation): void {
  const run = statement.run.bind(statement);
  statement.run = (...params: unknown[]) => {
    try {
      return run(...params);
    } finally {
      generation.bump();
    }
  };
}

/**
 * A bounded map whose entries are valid only for the generation they were computed in.
 * Values are computed by the caller on a miss; a stale entry is simply recomputed.
 * Generations never come back, so the first read in a new one drops every entry at once.
 * A value is kept from its key's second miss in a generation on: keeping every large value
 * asked for once (most list pages between two writes) made them outlive the young
 * generation of the heap and cost more in garbage collection than the hits saved.
 * Values that `keepFromFirstMiss` picks (small ones, asked for again and again) are kept
 * from their first miss.
 * Without a generation (null) nothing is kept: every get computes.
 */
export class GenerationCache<T> {
  // Replaced, never cleared: V8's Map.clear() leaves the old table pointing at the new one,
  // so a cleared table in the old generation keeps every later one, and each value put in
  // them, alive through young collections until a full one. Cleared on every write, the page
  // cache's tables kept every page and set off full collections every few hundred ms.
  private entries = new Map<string, T>();
  private missedOnce = new Set<string>();
  private entriesOf: string | undefined;

  constructor(
    private readonly generation: Generation | null,
    private readonly maxEntries = 1_000,
    private readonly keepFromFirstMiss: (value: T) => boolean = () => false,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.generation) return compute();
    const generation = this.generation.current();
    if (generation !== this.entriesOf) {
      this.entries = new Map();
      this.missedOnce = new Set();
      this.entriesOf = generation;
    }
    if (this.entries.has(key)) return this.entries.get(key)!;
    const value = await compute();
    // Recheck: a write during compute makes the value possibly stale already.
    if (this.generation.current() !== generation || this.entriesOf !== generation) return value;
    if (this.keepFromFirstMiss(value) || this.missedOnce.delete(key)) {
      if (this.entries.size >= this.maxEntries) this.entries = new Map();
      this.entries.set(key, value);
    } else {
      if (this.missedOnce.size >= this.maxEntries) this.missedOnce = new Set();
      this.missedOnce.add(key);
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
