import type { Stack } from '@rolebridge/contracts';
import { DeleteButton } from '../../../components/ui/delete-button';
import { useDeleteStack } from '../api/stack-mutations';

export function DeleteStack({ stack, onDeleted }: { stack: Stack; onDeleted: () => void }) {
  const remove = useDeleteStack();
  return (
    <DeleteButton
      title={`Delete ${stack.name}?`}
      confirmLabel="Delete stack"
      mutation={remove}
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
    </DeleteButton>
  );
}
