import type { Attachment, AwsIntegration, Phase, Stack } from '@rolebridge/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { refusedVerification, useDetach, useUpdateAttachment } from '../api/attachments';
import { autoattachLabel } from '../utils/autoattach';
import { AttachRefused } from './attach-refused';
import { AttachmentRow } from './attachment-row';

type Props = {
  stack: Stack;
  attachments: Attachment[];
  integrations: AwsIntegration[];
  spaceName: (id: string) => string;
  /** Admins of the stack's space toggle phases and detach; others see the table only. */
  canManage: boolean;
};

export function AttachmentsTable({
  stack,
  attachments,
  integrations,
  spaceName,
  canManage,
}: Props) {
  const update = useUpdateAttachment(stack.slug);
  const detach = useDetach(stack.slug);
  const [detaching, setDetaching] = useState<Attachment | null>(null);
  const refused = refusedVerification(update.error);

  const toggle = (a: Attachment, phase: Phase, enabled: boolean) =>
    update.mutate({ integrationId: a.integrationId, body: { [phase]: enabled } });
  const closeDialog = () => {
    setDetaching(null);
    detach.reset();
  };

  return (
    <div className="stack-md">
      <div className="table-wrap">
        <table className="table table-plain table-attachments">
          <caption className="visually-hidden">Attached AWS integrations</caption>
          <thead>
            <tr>
              <th scope="col">Integration</th>
              <th scope="col" className="col-optional">
                Space
              </th>
              <th scope="col">Read</th>
              <th scope="col">Write</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attachments.map((a) => (
              <AttachmentRow
                key={a.integrationId}
                attachment={a}
                spaceName={spaceName(a.integrationSpaceId)}
                autoLabel={autoattachLabel(
                  integrations.find((i) => i.id === a.integrationId)?.labels ?? [],
                  stack.labels,
                )}
                canManage={canManage}
                pending={update.isPending && update.variables.integrationId === a.integrationId}
                onToggle={(phase, enabled) => toggle(a, phase, enabled)}
                onDetach={() => setDetaching(a)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div aria-live="polite">
        {update.isPending && <p className="muted">Checking the role for the phase you enabled…</p>}
      </div>
      {refused ? (
        <AttachRefused
          title="The role could not be assumed for that phase, so nothing changed"
          message={update.error?.message ?? ''}
          verification={refused}
        />
      ) : (
        update.isError && (
          <Alert tone="danger" title="The attachment was not changed">
            {update.error.message}
          </Alert>
        )
      )}
      <ConfirmDialog
        open={detaching !== null}
        title={`Detach ${detaching?.integrationName ?? ''}?`}
        confirmLabel="Detach"
        pending={detach.isPending}
        error={detach.error?.message ?? null}
        onCancel={closeDialog}
        onConfirm={() =>
          detaching && detach.mutate(detaching.integrationId, { onSuccess: closeDialog })
        }
      >
        <p>
          New runs of {stack.name} will no longer get AWS credentials from this integration. The
          integration and its role in AWS are not changed.
        </p>
      </ConfirmDialog>
    </div>
  );
}
