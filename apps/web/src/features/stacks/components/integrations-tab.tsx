import type { Stack } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageSpinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { stackAttachmentsQueryOptions } from '../../../lib/queries/attachments';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';
import { attachableQueryOptions } from '../api/attachments';
import { AttachForm } from './attach-form';
import { AttachmentsTable } from './attachments-table';

export function IntegrationsTab({ stack }: { stack: Stack }) {
  const attachments = useQuery(stackAttachmentsQueryOptions(stack.slug));
  const attachable = useQuery(attachableQueryOptions(stack.slug));
  const spaces = useQuery(spacesQueryOptions());
  const isAdmin = useAccess().can('admin', stack.spaceId);
  const nameOf = (id: string) => spaceName(spaces.data, id);

  if (attachments.isPending || attachable.isPending)
    return <PageSpinner label="Loading integrations" />;
  if (attachments.isError || attachable.isError)
    return (
      <Alert
        tone="danger"
        title="Could not load the stack's integrations"
        actions={
          <Button onClick={() => void Promise.all([attachments.refetch(), attachable.refetch()])}>
            Try again
          </Button>
        }
      >
        {(attachments.error ?? attachable.error)?.message}
      </Alert>
    );

  const { items, conflicts } = attachments.data;
  const used = new Set(items.map((a) => a.integrationId));
  const options = attachable.data.filter((i) => !used.has(i.id));
  const held = { read: items.some((a) => a.read), write: items.some((a) => a.write) };
  const holder = (phase: 'read' | 'write') =>
    items.find((a) => a[phase])?.integrationName ?? 'another integration';

  return (
    <div className="stack-lg">
      <Card title="Attached integrations" id="stack-attachments">
        {items.length === 0 ? (
          <p className="muted">
            No AWS integration is attached yet, so runs of this stack get no AWS credentials.
          </p>
        ) : (
          <AttachmentsTable
            stack={stack}
            attachments={items}
            integrations={attachable.data}
            spaceName={nameOf}
            canManage={isAdmin}
          />
        )}
        {conflicts.length > 0 && (
          <Alert tone="warning" title="Auto-attachments that could not apply">
            <ul className="plain-list">
              {conflicts.map((c) => (
                <li key={c.integrationId}>
                  <strong>{c.integrationName}</strong>: {c.reason}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </Card>
      {isAdmin && (
        <Card title="Attach an AWS integration" id="stack-attach">
          {held.read && held.write ? (
            <p className="muted">
              Both phases are taken (read by {holder('read')}, write by {holder('write')}). A stack
              uses at most one AWS integration per phase: turn a phase off or detach a direct
              attachment above, or remove the label behind an auto-attachment, to attach another.
            </p>
          ) : options.length === 0 ? (
            <div className="stack-md">
              <p className="muted">
                No other integration in this stack’s space, or a space it inherits from, can be
                attached.
              </p>
              <ButtonLink to={paths.newAwsIntegration}>Set up integration</ButtonLink>
            </div>
          ) : (
            <AttachForm
              // A fresh form when the choices change, so its defaults match what is free.
              key={`${options.map((o) => o.id).join()}-${held.read}-${held.write}`}
              slug={stack.slug}
              options={options}
              held={held}
              spaceName={nameOf}
            />
          )}
        </Card>
      )}
    </div>
  );
}
