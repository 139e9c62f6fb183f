import { zodResolver } from '@hookform/resolvers/zod';
import { createAwsIntegrationRequest, type AwsIntegration } from '@rolebridge/contracts';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { paths } from '../../../config/paths';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateIntegration } from '../api/mutations';
import {
  IntegrationFormFields,
  integrationFormFields,
  type IntegrationFormValues,
} from './integration-form-fields';

type Output = z.output<typeof createAwsIntegrationRequest>;

const defaults: IntegrationFormValues = {
  name: '',
  spaceId: 'root',
  roleArn: '',
  assumeRoleOnWorker: false,
  externalId: null,
  durationSeconds: 3600,
  region: null,
  labels: [],
  autoattachEnabled: false,
};

export function CreateIntegrationForm({
  onCreated,
}: {
  onCreated: (integration: AwsIntegration) => void;
}) {
  const create = useCreateIntegration();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IntegrationFormValues, unknown, Output>({
    // The form's values are exactly the request's input; the cast only narrows optional keys.
    resolver: zodResolver(createAwsIntegrationRequest) as Resolver<
      IntegrationFormValues,
      unknown,
      Output
    >,
    defaultValues: defaults,
    mode: 'onTouched',
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { integration } = await create.mutateAsync(values);
      onCreated(integration);
    } catch (error) {
      setFormError(
        applyServerErrors(error, integrationFormFields, form.setError, {
          name_taken: 'name',
        }),
      );
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {formError && (
        <Alert tone="danger" title="The integration was not created">
          {formError}
        </Alert>
      )}
      <IntegrationFormFields form={form} />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Set up
        </Button>
        <ButtonLink to={paths.integrations}>Cancel</ButtonLink>
        {form.formState.isSubmitting && (
          <span className="muted" aria-live="polite">
            Creating the integration and checking that the role can be assumed…
          </span>
        )}
      </div>
    </form>
  );
}
