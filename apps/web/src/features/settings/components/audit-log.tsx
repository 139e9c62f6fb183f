import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/field';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { KNOWN_AUDIT_ACTIONS, auditQueryOptions } from '../api/audit';
import { AdminOnlyNote } from './admin-only-note';
import { AuditTable } from './audit-table';

export function AuditLog() {
  const [action, setAction] = useState('');
  const log = useInfiniteQuery({
    ...auditQueryOptions({ action }),
    placeholderData: keepPreviousData,
  });
  const events = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const actions = useMemo(
    () => [...new Set([...KNOWN_AUDIT_ACTIONS, ...events.map((e) => e.action)])].sort(),
    [events],
  );

  if (isApiError(log.error, 403)) return <AdminOnlyNote what="the audit log" />;
  return (
    <div className="stack-md">
      <div className="audit-toolbar">
        <SelectField label="Action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        {log.isFetching && !log.isFetchingNextPage && !log.isPending && (
          <span className="audit-updating">
            <Spinner size="sm" /> Updating…
          </span>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {log.isSuccess && !log.isFetching && `${events.length} audit events shown`}
      </p>
      {log.isPending && <Spinner label="Loading the audit log" />}
      {log.isError && (
        <Alert
          tone="danger"
          title="Could not load the audit log"
          actions={<Button onClick={() => void log.refetch()}>Try again</Button>}
        >
          {log.error.message}
        </Alert>
      )}
      {log.isSuccess && events.length === 0 && (
        <p className="muted">{action ? `No ${action} events yet.` : 'Nothing has happened yet.'}</p>
      )}
      {events.length > 0 && (
        <div className={log.isPlaceholderData ? 'is-stale' : undefined}>
          <AuditTable events={events} />
        </div>
      )}
      {log.hasNextPage && (
        <div className="audit-more">
          <Button onClick={() => void log.fetchNextPage()} pending={log.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
