import { zodResolver } from '@hookform/resolvers/zod';
import { createStackRequest, type Stack } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { paths } from '../../../config/paths';
import { applyServerErrors } from '../../../lib/form-errors';
import { accountQueryOptions } from '../../../lib/queries/account';
import { useCreateStack } from '../api/stack-mutations';
import { slugify } from '../utils/slug';
import { StackFormFields, stackFormFields, type StackFormValues } from './stack-form-fields';

type Output = z.output<typeof createStackRequest>;

const defaults: StackFormValues = { name: '', slug: '', spaceId: 'root', labels: [] };

export function CreateStackForm({ onCreated }: { onCreated: (stack: Stack) => void }) {
  const create = useCreateStack();
  const account = useQuery(accountQueryOptions());
  const [formError, setFormError] = useState<string | null>(null);
  // The slug follows the name until the user types one of their own.
  const [slugEdited, setSlugEdited] = useState(false);
  const form = useForm<StackFormValues, unknown, Output>({
    resolver: zodResolver(createStackRequest) as Resolver<StackFormValues, unknown, Output>,
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const slug = useWatch({ control: form.control, name: 'slug' });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onCreated((await create.mutateAsync(values)).stack);
    } catch (error) {
      setFormError(
        applyServerErrors(error, stackFormFields, form.setError, { slug_taken: 'slug' }),
      );
    }
  });

  const slugField = form.register('slug', { onChange: () => setSlugEdited(true) });
  const accountName = account.data?.name ?? '<account>';

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create stack">
      {formError && (
        <Alert tone="danger" title="The stack was not created">
          {formError}
        </Alert>
      )}
      <StackFormFields
        form={form}
        onNameChange={(name) => {
          if (!slugEdited)
            form.setValue('slug', slugify(name), {
              // Re-check only to clear an error shown earlier, not to scold while typing.
              shouldValidate: form.getFieldState('slug').invalid,
            });
        }}
        slugField={
          <TextField
            label="Slug"
            className="mono"
            spellCheck={false}
            autoComplete="off"
            error={form.formState.errors.slug?.message}
            hint={
              <>
                Part of every external ID this stack sends to AWS (
                <code className="mono">
                  {accountName}@&lt;integration&gt;@{slug || '<slug>'}@read
                </code>
                ), so it cannot be changed after the stack is created. Lowercase letters, digits and
                hyphens.
              </>
            }
            {...slugField}
          />
        }
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Create stack
        </Button>
        <ButtonLink to={paths.stacks}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
