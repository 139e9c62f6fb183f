import { zodResolver } from '@hookform/resolvers/zod';
import {
  createAwsIntegrationRequest,
  type AwsIntegration,
  type VerifyTarget,
} from '@rolebridge/contracts';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { paths } from '../../../config/paths';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateIntegration } from '../api/mutations';
import { roleNameOf } from '../utils/role-name';
import {
  IntegrationFormFields,
  integrationFormFields,
  type IntegrationFormValues,
} from './integration-form-fields';

type Output = z.output<typeof createAwsIntegrationRequest>;

export const integrationDefaults: IntegrationFormValues = {
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

type Props = {
  onCreated: (integration: AwsIntegration) => void;
  defaultValues?: IntegrationFormValues;
  /** Sent along, not stored: which stacks the first verification should try. */
  verifyTarget?: VerifyTarget;
  /** Every change, so a wizard can keep the draft across steps and reloads. */
  onDraftChange?: (values: Partial<IntegrationFormValues>) => void;
  /** Put the cursor in Role ARN (the wizard's "I already have a role" lands here to paste). */
  focusRoleArn?: boolean;
};

export function CreateIntegrationForm({
  onCreated,
  defaultValues = integrationDefaults,
  verifyTarget,
  onDraftChange,
  focusRoleArn = false,
}: Props) {
  const create = useCreateIntegration();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IntegrationFormValues, unknown, Output>({
    // The form's values are exactly the request's input; the cast only narrows optional keys.
    resolver: zodResolver(createAwsIntegrationRequest) as Resolver<
      IntegrationFormValues,
      unknown,
      Output
    >,
    defaultValues,
    mode: 'onTouched',
  });

  const draftChanged = useEffectEvent((values: Partial<IntegrationFormValues>) =>
    onDraftChange?.(values),
  );
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => draftChanged(values),
      }),
    [form],
  );

  useEffect(() => {
    if (focusRoleArn) form.setFocus('roleArn');
  }, [focusRoleArn, form]);

  // Name follows the role's name until the user writes a name of their own.
  const roleArn = useWatch({ control: form.control, name: 'roleArn' });
  const lastArn = useRef(defaultValues.roleArn);
  useEffect(() => {
    const previous = roleNameOf(lastArn.current);
    lastArn.current = roleArn;
    const derived = roleNameOf(roleArn);
    const name = form.getValues('name');
    if (derived && (name === '' || name === previous)) form.setValue('name', derived);
  }, [roleArn, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { integration } = await create.mutateAsync(
        verifyTarget ? { ...values, verifyTarget } : values,
      );
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
            Creating the integration and checking that the role can be assumed for read and write…
          </span>
        )}
      </div>
    </form>
  );
}
