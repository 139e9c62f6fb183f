import { zodResolver } from '@hookform/resolvers/zod';
import { createWebhookRequest, webhookSecret } from '@rolebridge/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, TextField } from '../../../components/ui/field';
import { applyServerErrors } from '../../../lib/form-errors';
import { useCreateWebhook } from '../api/webhooks';
import { WEBHOOK_EVENTS } from './webhook-events';

// The contract's fields; an empty secret box means "generate one for me".
const schema = createWebhookRequest.extend({
  secret: z.union([z.literal('').transform(() => undefined), webhookSecret]),
});
type Values = z.input<typeof schema>;
const fields = ['url', 'events', 'secret'] as const;

export type CreatedWebhook = { url: string; secret: string | undefined };

type Props = { onCreated: (created: CreatedWebhook) => void; onCancel: () => void };

export function WebhookForm({ onCreated, onCancel }: Props) {
  const create = useCreateWebhook();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { url: '', events: WEBHOOK_EVENTS.map((e) => e.event), secret: '' },
  });
  const { errors } = form.formState;
  const { setFocus } = form;
  useEffect(() => setFocus('url'), [setFocus]);

  const onSubmit = form.handleSubmit(async ({ secret, ...values }) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(secret ? { ...values, secret } : values);
      // Drop the mutation's copy of the secret; the notice holds the only one.
      create.reset();
      onCreated({ url: created.webhook.url, secret: created.secret });
    } catch (error) {
      setFormError(applyServerErrors(error, fields, form.setError));
    }
  });

  return (
    <form className="stack-md webhook-form" onSubmit={onSubmit} noValidate aria-label="New webhook">
      <TextField
        label="Payload URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://hooks.example.com/rolebridge"
        hint="Rolebridge POSTs JSON here. http:// or https:// only; redirects are never followed."
        error={errors.url?.message}
        {...form.register('url')}
      />
      <fieldset
        className="fieldset"
        aria-describedby={errors.events ? 'webhook-events-error' : undefined}
      >
        <legend className="field-label">Events</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <CheckboxField
            key={e.event}
            label={e.label}
            hint={e.explain}
            value={e.event}
            {...form.register('events')}
          />
        ))}
        {errors.events && (
          <p id="webhook-events-error" className="field-error">
            {errors.events.message}
          </p>
        )}
      </fieldset>
      <TextField
        label="Secret"
        optional
        type="password"
        autoComplete="new-password"
        hint="Signs each delivery (X-Rolebridge-Signature). Leave empty and Rolebridge generates one, shown once."
        error={errors.secret?.message}
        {...form.register('secret')}
      />
      {formError && <Alert tone="danger">{formError}</Alert>}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={form.formState.isSubmitting}>
          Add webhook
        </Button>
        <Button onClick={onCancel} disabled={form.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
