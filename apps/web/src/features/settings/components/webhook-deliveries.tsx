import type { WebhookDelivery } from '@rolebridge/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { formatDateTime } from '../../../lib/format';
import { eventLabel } from './webhook-events';

const TONE: Record<WebhookDelivery['status'], BadgeTone> = {
  delivered: 'success',
  pending: 'warning',
  failed: 'danger',
};
const STATUS: Record<WebhookDelivery['status'], string> = {
  delivered: 'Delivered',
  pending: 'Retrying',
  failed: 'Failed',
};

/** The newest deliveries of one webhook: what was sent, whether it arrived, and why not. */
export function WebhookDeliveries({
  url,
  deliveries,
}: {
  url: string;
  deliveries: WebhookDelivery[];
}) {
  if (deliveries.length === 0) return <p className="muted">No deliveries yet.</p>;
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={`Deliveries to ${url}`}>
      <table className="table deliveries-table">
        <caption className="visually-hidden">Recent deliveries to {url}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last attempt</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => {
            // A pending delivery with no attempt yet is queued, not retrying.
            const status = d.status === 'pending' && d.attempts === 0 ? 'Queued' : STATUS[d.status];
            return (
              <tr key={d.id}>
                <td>{eventLabel(d.event)}</td>
                <td>
                  <Badge tone={TONE[d.status]}>{status}</Badge>
                </td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastAttemptAt ? (
                    <time dateTime={d.lastAttemptAt}>{formatDateTime(d.lastAttemptAt)}</time>
                  ) : (
                    <span className="muted">Not yet</span>
                  )}
                </td>
                <td className="delivery-result">
                  {d.responseStatus !== null && (
                    <span className="mono">HTTP {d.responseStatus}</span>
                  )}
                  {d.lastError && <span> {d.lastError}</span>}
                  {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                    <span className="muted">
                      {' '}
                      Next try{' '}
                      <time dateTime={d.nextAttemptAt}>{formatDateTime(d.nextAttemptAt)}</time>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
