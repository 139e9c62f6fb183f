import { zodResolver } from '@hookform/resolvers/zod';
import { attachRequest, type AttachRequest, type AwsIntegration } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, SelectField } from '../../../components/ui/field';
import { verdictLabels, verdictOf } from '../../../components/verification/verdict';
import { applyServerErrors } from '../../../lib/form-errors';
import { refusedVerification, useAttach } from '../api/attachments';
import { AttachRefused } from './attach-refused';

type Props = {
  slug: string;
  /** Integrations the stack may attach and does not use yet. */
  options: AwsIntegration[];
  /** Phases another attachment already holds: a stack has one read and one write. */
  held: { read: boolean; write: boolean };
  spaceName: (id: string) => string;
};

export const readHint = 'Used during read phases of runs, e.g. plans.';
export const writeHint = 'Used during write phases of runs, e.g. applies.';

export function AttachForm({ slug, options, held, spaceName }: Props) {
  const attach = useAttach(slug);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AttachRequest>({
    resolver: zodResolver(attachRequest),
    defaultValues: { integrationId: options[0]?.id ?? '', read: !held.read, write: !held.write },
  });
  const { errors } = form.formState;
  const refused = refusedVerification(attach.error);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await attach.mutateAsync(values);
      form.reset({ integrationId: '', read: false, write: false });
    } catch (error) {
      if (!refusedVerification(error))
        setFormError(applyServerErrors(error, ['integrationId', 'read', 'write'], form.setError));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Attach integration">
      <SelectField
        label="Integration"
        hint="Integrations from this stack's space and the spaces it inherits from, with their last check."
        error={errors.integrationId?.message}
        {...form.register('integrationId')}
      >
        {options.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({spaceName(i.spaceId)}) · {verdictLabels[verdictOf(i.lastVerification)]}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <CheckboxField
          label="Read"
          hint={readHint}
          error={errors.read?.message}
          {...form.register('read')}
        />
        <CheckboxField label="Write" hint={writeHint} {...form.register('write')} />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={attach.isPending}>
          Attach
        </Button>
        <p role="status" className="muted">
          {attach.isPending && `Checking that Rolebridge can assume the role for ${slug}…`}
        </p>
      </div>
      {formError && (
        <Alert tone="danger" title="The integration was not attached">
          {formError}
        </Alert>
      )}
      {refused && (
        <AttachRefused
          title="The role could not be assumed, so the integration was not attached"
          message={attach.error?.message ?? ''}
          verification={refused}
        />
      )}
    </form>
  );
}
