import type { WebhookEvent } from '@rolebridge/contracts';

/** The events a webhook can subscribe to, as the form and the list name them. */
export const WEBHOOK_EVENTS: { event: WebhookEvent; label: string; explain: string }[] = [
  {
    event: 'integration.failing',
    label: 'Integration failing',
    explain: 'A check of an integration that worked (or a new one) fails.',
  },
  {
    event: 'integration.recovered',
    label: 'Integration recovered',
    explain: 'A failing integration passes its checks again.',
  },
];

export const eventLabel = (event: string) =>
  WEBHOOK_EVENTS.find((e) => e.event === event)?.label ??
  (event === 'webhook.test' ? 'Test' : event);
