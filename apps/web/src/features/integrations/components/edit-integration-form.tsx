import { zodResolver } from '@hookform/resolvers/zod';
import { updateAwsIntegrationRequest, type AwsIntegration } from '@rolebridge/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { EditForm } from '../../../components/pages/edit-form';
import { useIfMatchSubmit } from '../../../lib/use-if-match-submit';
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
  const form = useForm<IntegrationFormValues, unknown, Output>({
    resolver: zodResolver(updateAwsIntegrationRequest) as Resolver<
      IntegrationFormValues,
      unknown,
      Output
    >,
    defaultValues: toValues(integration),
    mode: 'onTouched',
  });
  const { onSubmit, formError } = useIfMatchSubmit({
    form,
    noun: 'integration',
    save: (body) => update.mutateAsync({ id: integration.id, etag, body }),
    latest: async () => {
      const fresh = await queryClient.fetchQuery({
        ...integrationQueryOptions(integration.id),
        staleTime: 0,
      });
      return toValues(fresh.integration);
    },
    onSaved,
    fields: integrationFormFields,
    codeFields: { name_taken: 'name' },
  });

  return (
    <EditForm
      label="Edit integration"
      onSubmit={onSubmit}
      formError={formError}
      submitting={form.formState.isSubmitting}
      onCancel={onCancel}
    >
      <IntegrationFormFields form={form} />
    </EditForm>
  );
}
