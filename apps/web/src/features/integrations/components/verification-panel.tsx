import type { AwsIntegration, VerifyTarget } from '@rolebridge/contracts';
import { useEffect, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useVerifyIntegration } from '../api/verify';
import { VerificationSummary } from './verification-summary';

type Props = { integration: AwsIntegration; target?: VerifyTarget | undefined };

/** Seconds since `since` while `running`, so a long retry visibly makes progress. */
function useElapsed(running: boolean, since: number): number {
  const [now, setNow] = useState(since);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? Math.max(0, Math.round((now - since) / 1000)) : 0;
}

/** The last verification and a way to run a new one (after fixing the role, say). */
export function VerificationPanel({ integration, target }: Props) {
  const verify = useVerifyIntegration(integration.id);
  const elapsed = useElapsed(verify.isPending, verify.submittedAt);

  return (
    <div className="stack-md">
      <div className="verify-bar">
        <Button onClick={() => verify.mutate(target ? { target } : {})} pending={verify.isPending}>
          Verify again
        </Button>
        <p role="status" className="muted verify-status">
          {verify.isPending &&
            (elapsed < 3
              ? 'Checking the role…'
              : `Checking… retrying while AWS applies the role change (${elapsed} s, up to about 20 s).`)}
        </p>
      </div>
      {verify.isError && (
        <Alert tone="danger" title="The check could not run">
          {verify.error.message}
        </Alert>
      )}
      {verify.isPending ? (
        <p className="muted">
          <Spinner size="sm" /> Assuming the role for read and write…
        </p>
      ) : (
        <VerificationSummary
          verification={verify.data ?? integration.lastVerification}
          onWorker={integration.assumeRoleOnWorker}
        />
      )}
    </div>
  );
}
