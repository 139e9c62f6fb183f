import type { Stack } from '@rolebridge/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteStack } from '../api/stack-mutations';

export function DeleteStack({ stack, onDeleted }: { stack: Stack; onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteStack();

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
        title={`Delete ${stack.name}?`}
        confirmLabel="Delete stack"
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={close}
        onConfirm={() => remove.mutate(stack.slug, { onSuccess: onDeleted })}
      >
        <p>
          Its attached integrations are detached and its runs deleted; workers of those runs lose
          their credentials at once. The integrations and roles in AWS are not changed.
        </p>
        <p>
          The slug <code className="mono">{stack.slug}</code> can be used again afterwards. This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
