import { zodResolver } from '@hookform/resolvers/zod';
import { createTokenRequest } from '@rolebridge/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { SpaceSelectField } from '../../../components/space-select-field';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateToken } from '../api/tokens';
import { EXPIRY_CHOICES, TOKEN_ROLES, expiresAtFor, type ExpiryChoice } from './token-roles';

// The contract's fields, with a lifetime picker standing in for the raw `expiresAt`.
const schema = createTokenRequest.omit({ expiresAt: true }).extend({
  expiresIn: z.enum(EXPIRY_CHOICES.map((c) => c.value) as [ExpiryChoice, ...ExpiryChoice[]]),
});
type Values = z.input<typeof schema>;
const fields = ['name', 'role', 'spaceId', 'expiresIn'] as const;

export type CreatedToken = {
  id: string;
  token: string;
  name: string;
  role: Values['role'];
  spaceId: string;
};

type Props = { onCreated: (token: CreatedToken) => void; onCancel: () => void };

export function TokenForm({ onCreated, onCancel }: Props) {
  const create = useCreateToken();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', role: 'worker', spaceId: 'root', expiresIn: 'never' },
  });
  const { errors } = form.formState;
  const { setFocus } = form;
  useEffect(() => setFocus('name'), [setFocus]);

  const onSubmit = form.handleSubmit(async ({ expiresIn, ...values }) => {
    setFormError(null);
    try {
      const expiresAt = expiresAtFor(expiresIn);
      const created = await create.mutateAsync(expiresAt ? { ...values, expiresAt } : values);
      // Drop the mutation's copy of the secret; the notice holds the only one.
      create.reset();
      onCreated({ ...created, name: values.name, role: values.role, spaceId: values.spaceId });
    } catch (error) {
      setFormError(applyServerErrors(error, fields, form.setError, { expiresAt: 'expiresIn' }));
    }
  });

  return (
    <form className="stack-md token-form" onSubmit={onSubmit} noValidate aria-label="New API token">
      <div className="field-row">
        <TextField
          label="Token name"
          autoComplete="off"
          hint="Where it is used, e.g. ci-production."
          error={errors.name?.message}
          {...form.register('name')}
        />
        <SpaceSelectField
          label="Space"
          error={errors.spaceId?.message}
          {...form.register('spaceId')}
        />
        <SelectField
          label="Expires"
          error={errors.expiresIn?.message}
          {...form.register('expiresIn')}
        >
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label="Role"
        hint="The token acts with this role in the space and the spaces below it."
        error={errors.role?.message}
        {...form.register('role')}
      >
        {TOKEN_ROLES.map((r) => (
          <option key={r.role} value={r.role}>
            {r.label}: {r.explain}
          </option>
        ))}
      </SelectField>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Create token
        </Button>
        <Button onClick={onCancel} disabled={form.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
