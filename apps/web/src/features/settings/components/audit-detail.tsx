import { formatDateTime } from '../../../lib/format';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** An event's detail as `key: value` pairs on a line or two; long values wrap. */
export function AuditDetail({ detail }: { detail: Record<string, unknown> }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-detail">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}:</dt> <dd className="mono">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
