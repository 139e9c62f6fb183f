import type { AwsIntegration } from '@rolebridge/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteIntegration } from '../api/mutations';

export function DeleteIntegration({
  integration,
  onDeleted,
}: {
  integration: AwsIntegration;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteIntegration();

  const close = () => {
    setOpen(false);
    remove.reset();
  };

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${integration.name}?`}
        confirmLabel="Delete integration"
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={close}
        onConfirm={() => remove.mutate(integration.id, { onSuccess: onDeleted })}
      >
        <p>Stacks will no longer receive credentials for this role:</p>
        <code className="mono dialog-code">{integration.roleArn}</code>
        <p>The role in AWS is not changed. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
