import { zodResolver } from '@hookform/resolvers/zod';
import { updateAwsIntegrationRequest, type AwsIntegration } from '@rolebridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors } from '../../../lib/form-errors';
import { integrationQueryOptions } from '../api/integrations';
import { useUpdateIntegration } from '../api/mutations';
import {
  IntegrationFormFields,
  integrationFormFields,
  type IntegrationFormValues,
} from './integration-form-fields';

type Output = z.output<typeof updateAwsIntegrationRequest>;

const toValues = (i: AwsIntegration): IntegrationFormValues => ({
  name: i.name,
  spaceId: i.spaceId,
  roleArn: i.roleArn,
  assumeRoleOnWorker: i.assumeRoleOnWorker,
  externalId: i.externalId,
  durationSeconds: i.durationSeconds,
  region: i.region,
  labels: i.labels,
  autoattachEnabled: i.autoattachEnabled,
});

type Props = {
  integration: AwsIntegration;
  etag: string | null;
  onSaved: () => void;
  onCancel: () => void;
};

export function EditIntegrationForm({ integration, etag, onSaved, onCancel }: Props) {
  const queryClient = useQueryClient();
  const update = useUpdateIntegration();
  const [formError, setFormError] = useState<{ title: string; detail: string } | null>(null);
  const form = useForm<IntegrationFormValues, unknown, Output>({
    resolver: zodResolver(updateAwsIntegrationRequest) as Resolver<
      IntegrationFormValues,
      unknown,
      Output
    >,
    defaultValues: toValues(integration),
    mode: 'onTouched',
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: integration.id, etag, body: values });
      onSaved();
    } catch (error) {
      if (isApiError(error, 412)) {
        // Someone saved in between; show their version rather than overwrite it blindly.
        const fresh = await queryClient.fetchQuery({
          ...integrationQueryOptions(integration.id),
          staleTime: 0,
        });
        form.reset(toValues(fresh.integration));
        setFormError({
          title: 'Someone else changed this integration',
          detail:
            'Your changes were not saved. The form now shows the latest version; make your changes again and save.',
        });
        return;
      }
      const message = applyServerErrors(error, integrationFormFields, form.setError, {
        name_taken: 'name',
      });
      if (message) setFormError({ title: 'The changes were not saved', detail: message });
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Edit integration">
      {formError && (
        <Alert tone="danger" title={formError.title}>
          {formError.detail}
        </Alert>
      )}
      <IntegrationFormFields form={form} />
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
