import type { AwsIntegration, CheckTrigger, IntegrationCheck } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { formatDateTime } from '../../../lib/format';
import { integrationChecksQueryOptions } from '../api/checks';
import { HealthSummary } from './health-summary';

const triggerLabels: Record<CheckTrigger, string> = {
  create: 'On create',
  attach: 'On attach',
  manual: 'Verify again',
  edit: 'After edit',
  scheduled: 'Scheduled',
};

const PHASE_LABELS = { read: 'plan', write: 'apply' } as const;

function failureText(check: IntegrationCheck): string {
  return check.failures
    .map((f) => `${f.code} (${f.stackSlug}, ${PHASE_LABELS[f.phase]})`)
    .join('; ');
}

/** The state, then the last checks newest first: when, what started it, and what AWS said. */
export function HealthTimeline({ integration }: { integration: AwsIntegration }) {
  const checks = useQuery(
    integrationChecksQueryOptions(
      integration.id,
      integration.lastVerification?.checkedAt ?? integration.health.failingSince,
    ),
  );
  return (
    <div className="stack-md">
      <HealthSummary health={integration.health} />
      {checks.isError && <Alert tone="danger">The check history could not be loaded.</Alert>}
      {checks.data && checks.data.items.length === 0 && <p className="muted">No checks yet.</p>}
      {checks.data && checks.data.items.length > 0 && (
        <ol className="timeline" aria-label="Last checks, newest first">
          {checks.data.items.map((check) => (
            <li key={check.id} className={`timeline-item ${check.ok ? 'is-ok' : 'is-failed'}`}>
              <span className="timeline-dot" aria-hidden="true" />
              <time dateTime={check.at} className="timeline-time">
                {formatDateTime(check.at)}
              </time>
              <span className="timeline-trigger">{triggerLabels[check.trigger]}</span>
              <span className="timeline-result">
                {check.ok ? 'Passed' : `Failed: ${failureText(check)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
