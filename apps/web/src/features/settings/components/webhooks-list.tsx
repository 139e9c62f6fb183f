import type { Webhook } from '@rolebridge/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteWebhook, useSendTestWebhook } from '../api/webhooks';
import { WebhookDeliveries } from './webhook-deliveries';
import { eventLabel } from './webhook-events';

function WebhookItem({ webhook, onDelete }: { webhook: Webhook; onDelete: () => void }) {
  const test = useSendTestWebhook();
  const last = test.data;
  return (
    <li className="webhook-item stack-md">
      <div className="webhook-head">
        <div className="webhook-target">
          <span className="mono webhook-url">{webhook.url}</span>
          <span className="webhook-events">
            {webhook.events.map((e) => (
              <Badge key={e} tone="info">
                {eventLabel(e)}
              </Badge>
            ))}
          </span>
        </div>
        <div className="form-actions">
          <Button
            size="sm"
            pending={test.isPending}
            aria-label={`Send test to ${webhook.url}`}
            onClick={() => test.mutate(webhook.id)}
          >
            Send test
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={`Delete webhook ${webhook.url}`}
            onClick={onDelete}
          >
            Delete
          </Button>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {last &&
          (last.status === 'delivered'
            ? 'Test delivered.'
            : `Test not delivered: ${last.lastError ?? 'no answer'}.`)}
      </p>
      {test.isError && <Alert tone="danger">{test.error.message}</Alert>}
      <WebhookDeliveries url={webhook.url} deliveries={webhook.recentDeliveries} />
    </li>
  );
}

export function WebhooksList({ webhooks }: { webhooks: readonly Webhook[] }) {
  const remove = useDeleteWebhook();
  const [target, setTarget] = useState<Webhook | null>(null);
  const close = () => {
    setTarget(null);
    remove.reset();
  };
  return (
    <>
      <ul className="webhook-list stack-lg">
        {webhooks.map((w) => (
          <WebhookItem key={w.id} webhook={w} onDelete={() => setTarget(w)} />
        ))}
      </ul>
      <ConfirmDialog
        open={target !== null}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : null}
        onCancel={close}
        onConfirm={() => {
          if (target) remove.mutate(target.id, { onSuccess: () => setTarget(null) });
        }}
      >
        <p>
          {target?.url} gets no more deliveries, including retries still queued, and its delivery
          history goes with it.
        </p>
      </ConfirmDialog>
      <p className="visually-hidden" aria-live="polite">
        {remove.isSuccess && 'Webhook deleted.'}
      </p>
    </>
  );
}
