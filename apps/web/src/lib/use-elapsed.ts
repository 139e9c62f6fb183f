import { useEffect, useState } from 'react';

/**
 * Whole seconds since `since` (a mutation's `submittedAt`) while `running`, so a check that
 * retries AccessDenied while IAM propagates (up to ~20 s) visibly makes progress.
 */
export function useElapsed(running: boolean, since: number): number {
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? Math.max(0, Math.round((now - since) / 1000)) : 0;
}
