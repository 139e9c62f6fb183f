import type { AwsIntegration } from '@rolebridge/contracts';
import { DeleteButton } from '../../../components/ui/delete-button';
import { useDeleteIntegration } from '../api/mutations';

export function DeleteIntegration({
  integration,
  onDeleted,
}: {
  integration: AwsIntegration;
  onDeleted: () => void;
}) {
  const remove = useDeleteIntegration();
  return (
    <DeleteButton
      title={`Delete ${integration.name}?`}
      confirmLabel="Delete integration"
      mutation={remove}
      onConfirm={() => remove.mutate(integration.id, { onSuccess: onDeleted })}
    >
      <p>Stacks will no longer receive credentials for this role:</p>
      <code className="mono dialog-code">{integration.roleArn}</code>
      <p>The role in AWS is not changed. This cannot be undone.</p>
    </DeleteButton>
  );
}
