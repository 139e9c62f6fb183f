import type { Run } from '@rolebridge/contracts';
import { RefLink } from '../../../components/ref-link';
import { formatDateTime } from '../../../lib/format';

export function RunsTable({ runs }: { runs: Run[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-plain table-cards table-runs">
        <caption className="visually-hidden">Recent runs</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Phase</th>
            <th scope="col">Started</th>
            <th scope="col">Credentials from</th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <code className="mono truncate" title={r.id}>
                  {r.id}
                </code>
              </th>
              <td data-label="Phase">
                {r.phase === 'plan' ? 'Plan' : 'Apply'}
                <span className="muted cell-sub">{r.phase === 'plan' ? 'read' : 'write'}</span>
              </td>
              <td data-label="Started">
                <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                <span className="muted cell-sub">
                  by <RefLink value={r.startedBy} />
                </span>
              </td>
              <td data-label="Credentials from">
                {r.integration ? (
                  <RefLink value={{ ...r.integration, type: 'aws_integration' }} />
                ) : (
                  '—'
                )}
                {r.assumedRoleArn && (
                  <code className="mono truncate cell-sub" title={r.assumedRoleArn}>
                    {r.assumedRoleArn}
                  </code>
                )}
              </td>
              <td data-label="Expires">
                {r.expiresAt ? (
                  <time dateTime={r.expiresAt}>{formatDateTime(r.expiresAt)}</time>
                ) : (
                  <span className="muted">On the worker</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
