import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { webhooksQueryOptions } from '../api/webhooks';
import { WebhookForm, type CreatedWebhook } from './webhook-form';
import { WebhookSecretReveal } from './webhook-secret-reveal';
import { WebhooksList } from './webhooks-list';

type Mode = { kind: 'list' } | { kind: 'form' } | { kind: 'created'; created: CreatedWebhook };

/** Settings → Webhooks; the page renders it for root admins only (the API refuses others). */
export function WebhooksSection() {
  const webhooks = useQuery(webhooksQueryOptions());
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const addButton = useRef<HTMLButtonElement>(null);

  const backToList = () => {
    setMode({ kind: 'list' });
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const actions =
    webhooks.isSuccess && mode.kind === 'list' ? (
      <Button ref={addButton} variant="primary" size="sm" onClick={() => setMode({ kind: 'form' })}>
        Add webhook
      </Button>
    ) : undefined;

  return (
    <Card title="Webhooks" id="webhooks" actions={actions}>
      <div className="stack-lg">
        <p className="muted">
          Rolebridge checks every integration on a schedule. When one starts failing, or recovers,
          it POSTs a signed JSON message to each webhook subscribed to that event, retrying with
          backoff until the receiver answers 2xx.
        </p>
        {mode.kind === 'form' && (
          <WebhookForm
            onCreated={(created) => setMode({ kind: 'created', created })}
            onCancel={backToList}
          />
        )}
        {mode.kind === 'created' && (
          <WebhookSecretReveal created={mode.created} onDone={backToList} />
        )}
        {webhooks.isPending && <Spinner label="Loading webhooks" />}
        {webhooks.isError && (
          <Alert
            tone="danger"
            title="Could not load webhooks"
            actions={<Button onClick={() => void webhooks.refetch()}>Try again</Button>}
          >
            {webhooks.error.message}
          </Alert>
        )}
        {webhooks.isSuccess &&
          (webhooks.data.length === 0 ? (
            <p className="muted">No webhooks yet.</p>
          ) : (
            <WebhooksList webhooks={webhooks.data} />
          ))}
      </div>
    </Card>
  );
}
