/**
 * Run credentials in process memory only, until they expire
 * (docs/decisions/004-run-credentials.md): a database dump, backup or log never holds them,
 * even encrypted. Another replica, or this one after a restart, issues them again from what
 * the run recorded (decision 010, runs/reissue.ts).
 */
export interface StoredCredentials {
  stackSlug: string;
  variables: Record<string, string>;
  expiresAt: number;
}

export type Lookup =
  | { state: 'ok'; variables: Record<string, string>; expiresAt: number }
  | { state: 'expired' }
  | { state: 'missing' };

export interface RunCredentialStore {
  put(runId: string, entry: StoredCredentials): void;
  get(runId: string, now: number): Lookup;
  forgetStack(stackSlug: string): void;
  size(): number;
}

export function createRunCredentialStore(): RunCredentialStore {
  const entries = new Map<string, StoredCredentials>();
  let nextSweep = 0;

  // Expired entries are dropped on the way, at most once a minute: no timer to clean up.
  function sweep(now: number) {
    if (now < nextSweep) return;
    nextSweep = now + 60_000;
    for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
  }

  return {
    put(runId, entry) {
      sweep(Date.now());
      entries.set(runId, entry);
    },
    get(runId, now) {
      const entry = entries.get(runId);
      if (!entry) return { state: 'missing' };
      if (entry.expiresAt <= now) {
        entries.delete(runId);
        return { state: 'expired' };
      }
      return { state: 'ok', variables: { ...entry.variables }, expiresAt: entry.expiresAt };
    },
    forgetStack(stackSlug) {
      for (const [id, entry] of entries) if (entry.stackSlug === stackSlug) entries.delete(id);
    },
    size: () => entries.size,
  };
}
