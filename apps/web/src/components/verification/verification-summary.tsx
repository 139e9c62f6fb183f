import { WORKER_VERIFICATION_REASON, type AwsIntegration } from '@rolebridge/contracts';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { CodeBlock } from '../ui/code-block';
import { formatDateTime } from '../../lib/format';
import { HintItem } from './hint-item';
import { RetryProgress } from './retry-progress';
import { activeRetry } from './verdict';
import { VerdictBadge } from './verdict-badge';
import { shownBefore, VerificationResultItem } from './verification-result-item';

type Verification = NonNullable<AwsIntegration['lastVerification']>;
const CONFUSED_DEPUTY = 'confused-deputy-open';

type Props = { verification: Verification | null; onWorker?: boolean };

export function VerificationSummary({ verification, onWorker = false }: Props) {
  if (verification === null) {
    return (
      <p className="muted">
        <Badge>Not verified yet</Badge>{' '}
        {onWorker
          ? WORKER_VERIFICATION_REASON
          : 'Rolebridge has not tried to assume this role yet.'}
      </p>
    );
  }
  const retry = activeRetry(verification);
  const deputy = verification.hints?.find((h) => h.id === CONFUSED_DEPUTY);
  const notes = verification.hints?.filter((h) => h.id !== CONFUSED_DEPUTY) ?? [];
  return (
    <div className="stack-md">
      <p>
        <VerdictBadge verification={verification} />{' '}
        {verification.checkedAt && (
          <span className="muted">
            Last checked{' '}
            <time dateTime={verification.checkedAt}>{formatDateTime(verification.checkedAt)}</time>
          </span>
        )}
      </p>
      {retry && <RetryProgress retry={retry} />}
      {verification.confusedDeputy.open && (
        <Alert
          tone="warning"
          title="Confused-deputy risk: the role can be assumed without an external ID"
        >
          <p>
            {deputy?.detail ??
              'Any Rolebridge account could use this role if it learns the ARN. Add an sts:ExternalId condition to its trust policy.'}
          </p>
          {deputy?.fix && (
            <CodeBlock
              code={deputy.fix}
              title="Statement with an external ID condition"
              copyLabel="Copy statement with an external ID condition"
            />
          )}
        </Alert>
      )}
      {notes.map((h) => (
        <HintItem key={h.id} hint={h} />
      ))}
      {verification.results.length > 0 && (
        <ul className="results">
          {verification.results.map((r, i) => (
            <VerificationResultItem
              key={`${r.stackSlug}-${r.phase}`}
              result={r}
              shownAbove={shownBefore(verification.results, i)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
