import type { AuditEvent } from '@rolebridge/contracts';
import { RefLink } from '../../../components/ref-link';
import { formatDateTime } from '../../../lib/format';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `spaceId: 01J…` reads as `space: Platform`: the BFF names the ids it knows. */
const labelOf = (key: string, named: boolean) => (named ? key.replace(/(Id|Slug)$/, '') : key);

/** An event's detail as `key: value` pairs on a line or two; long values wrap. */
export function AuditDetail({ detail, refs }: Pick<AuditEvent, 'detail' | 'refs'>) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-detail">
      {entries.map(([key, value]) => {
        const ref = refs[key];
        return (
          <div key={key}>
            <dt>{labelOf(key, ref !== undefined)}:</dt>{' '}
            {ref ? (
              <dd>
                <RefLink value={ref} />
              </dd>
            ) : (
              <dd className="mono">{show(value)}</dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
