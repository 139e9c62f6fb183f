import type { AuditEvent } from '@rolebridge/contracts';
import { formatDateTime } from '../../../lib/format';
import { AuditDetail } from './audit-detail';

/** `user:ana@example.com` reads as the address; tokens keep their prefix. */
function actorLabel(actor: string): string {
  return actor.startsWith('user:') ? actor.slice('user:'.length) : actor;
}

export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="audit-when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td className="audit-wrap">{actorLabel(e.actor)}</td>
              <td>
                <code className="mono audit-action">{e.action}</code>
              </td>
              <td className="audit-wrap">
                <span className="muted">{e.targetType}</span>{' '}
                <span className="mono">{e.targetId}</span>
              </td>
              <td>
                <AuditDetail detail={e.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
