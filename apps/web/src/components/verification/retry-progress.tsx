import type { VerificationRetry } from '@rolebridge/contracts';
import { useEffect, useState } from 'react';
import { Spinner } from '../ui/spinner';

/** Seconds since the first attempt, ticking while the retry runs in the background. */
function useSecondsSince(startedAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.round((now - Date.parse(startedAt)) / 1000));
}

/** The server retries a refusal while IAM may still be propagating; this says how far it got. */
export function RetryProgress({ retry }: { retry: VerificationRetry }) {
  const seconds = useSecondsSince(retry.startedAt);
  return (
    <p className="muted retry-progress">
      <Spinner size="sm" /> Retrying — IAM changes can take up to a minute (attempt {retry.attempt},{' '}
      {seconds} s)
    </p>
  );
}
