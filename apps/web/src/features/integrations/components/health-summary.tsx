import type { IntegrationHealth } from '@rolebridge/contracts';
import { formatDateTime } from '../../../lib/format';

/** "Failing since …", "Recovered at …", "Healthy" or "Not checked yet", with machine-readable times. */
export function HealthSummary({ health }: { health: IntegrationHealth }) {
  if (health.state === 'failing' && health.failingSince)
    return (
      <p className="health-summary is-failing">
        Failing since{' '}
        <time dateTime={health.failingSince}>{formatDateTime(health.failingSince)}</time>
      </p>
    );
  if (health.state === 'healthy' && health.recoveredAt)
    return (
      <p className="health-summary">
        Healthy — recovered at{' '}
        <time dateTime={health.recoveredAt}>{formatDateTime(health.recoveredAt)}</time>
      </p>
    );
  return (
    <p className="health-summary">{health.state === 'healthy' ? 'Healthy' : 'Not checked yet'}</p>
  );
}
