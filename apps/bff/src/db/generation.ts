import type SqliteDatabase from 'better-sqlite3';

/**
 * A token that changes whenever the database may have changed: after any write through
 * this connection, and (through SQLite's `PRAGMA data_version`) after a commit by any
 * other connection or process on the same file. Caches keyed on it are exact, not TTL-based.
 */
export interface Generation {
  current(): string;
  /** Called after each write statement on this connection. */
  bump(): void;
}

export function trackGeneration(sqlite: SqliteDatabase.Database): Generation {
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let writes = 0;
  return {
    current: () => `${writes}:${String(dataVersion.get())}`,
    bump: () => {
      writes += 1;
    },
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
 * Without a generation (null) nothing is kept: every get computes.
 */
export class GenerationCache<T> {
  private readonly entries = new Map<string, { generation: string; value: T }>();

  constructor(
    private readonly generation: Generation | null,
    private readonly maxEntries = 1_000,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.generation) return compute();
    const generation = this.generation.current();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation) return hit.value;
    const value = await compute();
    // Recheck: a write during compute makes the value possibly stale already.
    if (this.generation.current() === generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { generation, value });
    }
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
