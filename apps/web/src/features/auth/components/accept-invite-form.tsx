import { zodResolver } from '@hookform/resolvers/zod';
import { acceptInviteRequest } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import { useAcceptInvite } from '../api/invite';

type Values = z.input<typeof acceptInviteRequest>;

export function AcceptInviteForm({ token, onAccepted }: { token: string; onAccepted: () => void }) {
  const accept = useAcceptInvite();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof acceptInviteRequest>>({
    resolver: zodResolver(acceptInviteRequest),
    defaultValues: { token, password: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await accept.mutateAsync(values);
      onAccepted();
    } catch (error) {
      setFormError(applyServerErrors(error, ['password'], form.setError));
    }
  });

  return (
    <form className="stack-md" onSubmit={onSubmit} noValidate>
      {(formError ?? form.formState.errors.token?.message) && (
        <Alert tone="danger">{formError ?? form.formState.errors.token?.message}</Alert>
      )}
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 12 characters. You log in with your email and this password."
        error={form.formState.errors.password?.message}
        {...form.register('password')}
      />
      <Button
        type="submit"
        variant="primary"
        className="btn-block"
        pending={form.formState.isSubmitting}
      >
        Accept invite
      </Button>
    </form>
  );
}
