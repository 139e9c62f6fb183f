import type { AuditEvent } from '@rolebridge/contracts';
import { RefLink } from '../../../components/ref-link';
import { formatDateTime } from '../../../lib/format';
import { AuditDetail } from './audit-detail';

/** How each kind of target reads in the table; unknown kinds show as stored. */
const TARGET_TYPES: Record<string, string> = {
  aws_integration: 'Integration',
  stack: 'Stack',
  space: 'Space',
  token: 'Token',
  user: 'User',
  invite: 'Invite',
  account: 'Account',
  iam_role: 'IAM role',
  webhook: 'Webhook',
};

function Who({ by }: { by: AuditEvent['by'] }) {
  if (by.kind === 'token')
    return (
      <>
        <span className="muted">token</span> <RefLink value={by} />
      </>
    );
  return <RefLink value={by} />;
}

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-cards audit-table">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Who and when</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="audit-wrap">
                <Who by={e.by} />
                <time className="muted cell-sub" dateTime={e.at}>
                  {formatDateTime(e.at)}
                </time>
              </td>
              <td className="audit-wrap">
                <code className="mono audit-action">{e.action}</code>
                <span className="cell-sub">
                  <span className="muted">{TARGET_TYPES[e.targetType] ?? e.targetType}</span>{' '}
                  <RefLink value={e.target} />
                </span>
              </td>
              <td>
                <AuditDetail detail={e.detail} refs={e.refs} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
