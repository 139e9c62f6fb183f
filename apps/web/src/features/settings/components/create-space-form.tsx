import { zodResolver } from '@hookform/resolvers/zod';
import { createSpaceRequest } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import type { SpaceOption } from '../../../lib/queries/spaces';
import { useCreateSpace } from '../api/spaces';

type Values = z.input<typeof createSpaceRequest>;
const fields = ['name', 'parentId', 'inheritEntities'] as const;

/** `parents`: the spaces this person administers, the only ones a new space may go under. */
export function CreateSpaceForm({ parents }: { parents: SpaceOption[] }) {
  const create = useCreateSpace();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createSpaceRequest>>({
    resolver: zodResolver(createSpaceRequest),
    defaultValues: { name: '', parentId: parents[0]?.id ?? 'root', inheritEntities: true },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    try {
      const space = await create.mutateAsync(values);
      setCreated(space.name);
      form.reset({ ...values, name: '' });
    } catch (error) {
      setFormError(applyServerErrors(error, fields, form.setError));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="New space">
      <div className="field-row">
        <TextField label="Space name" error={errors.name?.message} {...form.register('name')} />
        <SelectField label="Parent space" {...form.register('parentId')}>
          {parents.map((s) => (
            <option key={s.id} value={s.id}>
              {'\u00a0\u00a0'.repeat(s.depth)}
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        label="Inherit integrations from the space above"
        hint="Stacks in the new space may then use the parent's AWS integrations."
        {...form.register('inheritEntities')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create space
        </Button>
        <p role="status" className="muted">
          {created && `Space ${created} created.`}
        </p>
      </div>
      {formError && (
        <Alert tone="danger" title="The space was not created">
          {formError}
        </Alert>
      )}
    </form>
  );
}
