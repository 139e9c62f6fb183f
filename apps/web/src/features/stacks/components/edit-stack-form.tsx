import { zodResolver } from '@hookform/resolvers/zod';
import { updateStackRequest, type Stack } from '@rolebridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { useUpdateStack } from '../api/stack-mutations';
import { stackQueryOptions } from '../api/stacks';
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
  const [formError, setFormError] = useState<{ title: string; detail: string } | null>(null);
  const form = useForm<StackFormValues, unknown, Output>({
    resolver: zodResolver(editSchema) as Resolver<StackFormValues, unknown, Output>,
    defaultValues: toValues(stack),
    mode: 'onTouched',
  });

  const onSubmit = form.handleSubmit(async ({ slug: _slug, ...body }) => {
    setFormError(null);
    try {
      await update.mutateAsync({ slug: stack.slug, etag, body });
      onSaved();
    } catch (error) {
      if (isApiError(error, 412)) {
        // Someone saved in between; show their version rather than overwrite it blindly.
        const fresh = await queryClient.fetchQuery({
          ...stackQueryOptions(stack.slug),
          staleTime: 0,
        });
        form.reset(toValues(fresh.stack));
        setFormError({
          title: 'Someone else changed this stack',
          detail:
            'Your changes were not saved. The form now shows the latest version; make your changes again and save.',
        });
        return;
      }
      const message = applyServerErrors(error, stackFormFields, form.setError);
      if (message) setFormError({ title: 'The changes were not saved', detail: message });
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Edit stack">
      {formError && (
        <Alert tone="danger" title={formError.title}>
          {formError.detail}
        </Alert>
      )}
      <StackFormFields form={form} />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Save changes
        </Button>
        <Button onClick={onCancel} disabled={form.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
