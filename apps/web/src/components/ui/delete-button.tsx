import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { ConfirmDialog } from './confirm-dialog';

type Props = {
  title: string;
  confirmLabel: string;
  /** The delete mutation; closing the dialog resets it so a failed attempt does not linger. */
  mutation: { isPending: boolean; error: Error | null; reset: () => void };
  onConfirm: () => void;
  /** What deleting does, shown in the dialog. */
  children: ReactNode;
};

/** A "Delete" button that asks first. */
export function DeleteButton({ title, confirmLabel, mutation, onConfirm, children }: Props) {
  const [open, setOpen] = useState(false);

  const close = () => {
    setOpen(false);
    mutation.reset();
  };

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={confirmLabel}
        pending={mutation.isPending}
        error={mutation.error?.message ?? null}
        onCancel={close}
        onConfirm={onConfirm}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}
