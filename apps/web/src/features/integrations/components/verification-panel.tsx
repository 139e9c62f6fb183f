import type { AwsIntegration, VerifyTarget } from '@rolebridge/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { VerificationSummary } from '../../../components/verification/verification-summary';
import { useVerifyIntegration } from '../api/verify';

type Props = {
  integration: AwsIntegration;
  target?: VerifyTarget | undefined;
  /** Only admins of the integration's space may run a verification. */
  canVerify?: boolean;
};

/**
 * The last verification and a way to run a new one (after fixing the role, say). What it
 * shows is always the integration's stored verification, the value the page's badge and
 * heading read too.
 */
export function VerificationPanel({ integration, target, canVerify = true }: Props) {
  const verify = useVerifyIntegration(integration.id);
  const [justChanged, setJustChanged] = useState(false);

  return (
    <div className="stack-md">
      <div className="verify-bar">
        {canVerify && (
          <>
            <Button
              onClick={() =>
                verify.mutate({ ...(target && { target }), roleChangedRecently: justChanged })
              }
              pending={verify.isPending}
            >
              Verify again
            </Button>
            <label className="checkbox-inline">
              <input
                type="checkbox"
                checked={justChanged}
                onChange={(e) => setJustChanged(e.target.checked)}
              />{' '}
              I just changed the role in AWS (keep retrying for up to a minute)
            </label>
          </>
        )}
        <p role="status" className="muted verify-status">
          {verify.isPending && 'Checking the role…'}
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
        <div aria-live="polite">
          <VerificationSummary
            verification={integration.lastVerification}
            onWorker={integration.assumeRoleOnWorker}
          />
        </div>
      )}
    </div>
  );
}
