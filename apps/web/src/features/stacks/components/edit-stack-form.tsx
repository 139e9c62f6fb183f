import { zodResolver } from '@hookform/resolvers/zod';
import { updateStackRequest, type Stack } from '@rolebridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { EditForm } from '../../../components/pages/edit-form';
import { useIfMatchSubmit } from '../../../lib/use-if-match-submit';
import { useUpdateStack } from '../api/stack-mutations';
import { stackQueryOptions } from '../../../lib/queries/stacks';
import { StackFormFields, stackFormFields, type StackFormValues } from './stack-form-fields';

// The form carries the slug for display only; it is stripped before the PATCH is sent.
const editSchema = updateStackRequest.extend({ slug: z.string() });
type Output = z.output<typeof editSchema>;

const toValues = (s: Stack): StackFormValues => ({
  name: s.name,
  slug: s.slug,
  spaceId: s.spaceId,
  labels: s.labels,
});

type Props = { stack: Stack; etag: string | null; onSaved: () => void; onCancel: () => void };

export function EditStackForm({ stack, etag, onSaved, onCancel }: Props) {
  const queryClient = useQueryClient();
  const update = useUpdateStack();
  const form = useForm<StackFormValues, unknown, Output>({
    resolver: zodResolver(editSchema) as Resolver<StackFormValues, unknown, Output>,
    defaultValues: toValues(stack),
    mode: 'onTouched',
  });
  const { onSubmit, formError } = useIfMatchSubmit({
    form,
    noun: 'stack',
    save: ({ slug: _slug, ...body }) => update.mutateAsync({ slug: stack.slug, etag, body }),
    latest: async () => {
      const fresh = await queryClient.fetchQuery({
        ...stackQueryOptions(stack.slug),
        staleTime: 0,
      });
      return toValues(fresh.stack);
    },
    onSaved,
    fields: stackFormFields,
  });

  return (
    <EditForm
      label="Edit stack"
      onSubmit={onSubmit}
      formError={formError}
      submitting={form.formState.isSubmitting}
      onCancel={onCancel}
    >
      <StackFormFields form={form} />
    </EditForm>
  );
}
