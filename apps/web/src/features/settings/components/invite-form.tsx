import { zodResolver } from '@hookform/resolvers/zod';
import { createInviteRequest } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { SpaceSelectField } from '../../../components/space-select-field';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { SelectField, TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateInvite } from '../api/team';

type Values = z.input<typeof createInviteRequest>;
const fields = ['email', 'role', 'spaceId'] as const;

export function InviteForm() {
  const create = useCreateInvite();
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createInviteRequest>>({
    resolver: zodResolver(createInviteRequest),
    defaultValues: { email: '', role: 'write', spaceId: 'root' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(values);
      // The BFF knows its path, not the host the admin reached it by.
      setLink({
        email: created.invite.email,
        url: new URL(created.link, window.location.origin).href,
      });
      form.reset({ ...values, email: '' });
    } catch (error) {
      setFormError(applyServerErrors(error, fields, form.setError));
    }
  });

  return (
    <form className="stack-md" onSubmit={onSubmit} noValidate>
      <div className="field-row">
        <TextField
          label="Email"
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SelectField label="Role" error={errors.role?.message} {...form.register('role')}>
          <option value="admin">Admin: manage integrations</option>
          <option value="write">Write: trigger runs</option>
          <option value="read">Read: view only</option>
        </SelectField>
        <SpaceSelectField
          label="Space"
          error={errors.spaceId?.message}
          {...form.register('spaceId')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Create invite link
        </Button>
      </div>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div aria-live="polite">
        {link && (
          <Alert tone="success" title={`Invite link for ${link.email}`}>
            <p>
              Send this link to your teammate. It works once, for 7 days, and is not shown again.
            </p>
            <p className="with-copy">
              <code className="mono break">{link.url}</code>
              <CopyButton value={link.url} label={`Copy invite link for ${link.email}`} />
            </p>
          </Alert>
        )}
      </div>
    </form>
  );
}
