import type { AwsIntegration, VerifyTarget } from '@rolebridge/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useElapsed } from '../../../lib/use-elapsed';
import { useVerifyIntegration } from '../api/verify';
import { VerificationSummary } from '../../../components/verification/verification-summary';

type Props = {
  integration: AwsIntegration;
  target?: VerifyTarget | undefined;
  /** Only admins of the integration's space may run a verification. */
  canVerify?: boolean;
};

/** The last verification and a way to run a new one (after fixing the role, say). */
export function VerificationPanel({ integration, target, canVerify = true }: Props) {
  const verify = useVerifyIntegration(integration.id);
  const elapsed = useElapsed(verify.isPending, verify.submittedAt);

  return (
    <div className="stack-md">
      <div className="verify-bar">
        {canVerify && (
          <Button
            onClick={() => verify.mutate(target ? { target } : {})}
            pending={verify.isPending}
          >
            Verify again
          </Button>
        )}
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
