import { zodResolver } from '@hookform/resolvers/zod';
import { updateAccountRequest } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import { useRenameAccount } from '../api/account';

type Values = z.input<typeof updateAccountRequest>;

export function AccountNameForm({ name }: { name: string }) {
  const rename = useRenameAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof updateAccountRequest>>({
    resolver: zodResolver(updateAccountRequest),
    defaultValues: { name },
  });
  const draft = useWatch({ control: form.control, name: 'name' });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    try {
      const account = await rename.mutateAsync(values);
      form.reset({ name: account.name });
      setSaved(account.name);
    } catch (error) {
      setFormError(applyServerErrors(error, ['name'], form.setError));
    }
  });

  return (
    <form className="stack-md" onSubmit={onSubmit} noValidate>
      <Alert tone="warning" title="Renaming breaks existing trust policies">
        The account name is part of every external ID (<code className="mono">{name}@…</code>).
        Every IAM role whose trust policy names <code className="mono">{name}</code> stops working
        until you update its policy.
      </Alert>
      <div className="inline-form">
        <TextField
          label="Account name"
          className="mono"
          autoComplete="off"
          hint="2 to 39 lowercase letters, digits and hyphens."
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          {draft === name ? 'Keep this name' : 'Rename account'}
        </Button>
      </div>
      <div aria-live="polite">
        {saved && <Alert tone="success">The account is now named {saved}.</Alert>}
      </div>
      {formError && <Alert tone="danger">{formError}</Alert>}
    </form>
  );
}
