import type { Verification } from '@rolebridge/contracts';
import { Alert } from '../../../components/ui/alert';
import { VerificationSummary } from '../../../components/verification/verification-summary';

type Props = { title: string; message: string; verification: Verification };

/** A refused attach or phase change: what STS said and the fixes, with copy buttons. */
export function AttachRefused({ title, message, verification }: Props) {
  return (
    <div className="stack-md attach-refused">
      <Alert tone="danger" title={title}>
        {message}
      </Alert>
      <VerificationSummary verification={verification} />
    </div>
  );
}
