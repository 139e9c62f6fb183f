import type { Attachment, AutoattachConflict } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SearchBox } from '../../../components/ui/search-box';
import { PageSpinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { integrationAttachmentsQueryOptions } from '../../../lib/queries/attachments';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';

/** Stacks that use the integration: attached on the stack's page, or through a label. */
export function UsedBy({ integrationId }: { integrationId: string }) {
  const query = useQuery(integrationAttachmentsQueryOptions(integrationId));
  const spaces = useQuery(spacesQueryOptions());
  const [q, setQ] = useState('');

  if (query.isPending) return <PageSpinner label="Loading stacks" />;
  if (query.isError)
    return (
      <Alert
        tone="danger"
        title="Could not load the stacks that use this integration"
        actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
      >
        {query.error.message}
      </Alert>
    );

  const needle = q.trim().toLowerCase();
  const shown = query.data.items.filter((a) => a.stackName.toLowerCase().includes(needle));
  const missed = query.data.conflicts.filter((c) => c.stackName.toLowerCase().includes(needle));
  const groups = [
    {
      id: 'direct',
      title: 'Attached directly',
      items: shown.filter((a) => !a.isAutoattached),
      empty: 'No stack has attached this integration on its Integrations tab.',
    },
    {
      id: 'auto',
      title: 'Auto-attached',
      items: shown.filter((a) => a.isAutoattached),
      empty:
        missed.length > 0
          ? 'No stack is auto-attached: those whose labels match could not take it.'
          : 'With auto-attach enabled and a label autoattach:<x>, stacks labelled <x> appear here.',
    },
  ];
  const space = (id: string) => spaceName(spaces.data, id);

  return (
    <div className="stack-md">
      <div
        className="filters filters-inline"
        role="search"
        aria-label="Search stacks using this integration"
      >
        <SearchBox value={q} onChange={setQ} label="Search by stack name" />
      </div>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`used-by-${g.id}`} className="used-by-group">
          <h3 id={`used-by-${g.id}`} className="subsection-title">
            {g.title} ({g.items.length})
          </h3>
          {g.items.length === 0 ? (
            <p className="muted">{needle ? 'No stack matches this search.' : g.empty}</p>
          ) : (
            <UsedByTable items={g.items} caption={g.title} space={space} />
          )}
          {g.id === 'auto' && <MissedStacks conflicts={missed} />}
        </section>
      ))}
    </div>
  );
}

/** Stacks whose labels match but that do not get the integration, each with the reason. */
function MissedStacks({ conflicts }: { conflicts: AutoattachConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <Alert tone="warning" title={`Matching stacks that did not get it (${conflicts.length})`}>
      <ul className="plain-list">
        {conflicts.map((c) => (
          <li key={c.stackSlug}>
            <Link to={paths.stack(c.stackSlug)}>{c.stackName}</Link>: {c.reason}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

type TableProps = { items: Attachment[]; caption: string; space: (id: string) => string };

function UsedByTable({ items, caption, space }: TableProps) {
  return (
    <div className="table-wrap">
      <table className="table table-plain table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Name</th>
            <th scope="col">Space</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.stackSlug}>
              <td>Stack</td>
              <th scope="row" className="cell-name">
                <Link to={paths.stack(a.stackSlug)}>{a.stackName}</Link>
              </th>
              <td>{space(a.stackSpaceId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
