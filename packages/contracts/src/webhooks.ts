import { z } from 'zod';

/** The state changes a webhook can subscribe to (integration health, issue 13). */
export const webhookEvent = z.enum(['integration.failing', 'integration.recovered']);
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** What a delivery carried: a subscribed event, or the "Send test" ping. */
export const deliveryEvent = z.enum([...webhookEvent.options, 'webhook.test']);
export type DeliveryEvent = z.infer<typeof deliveryEvent>;

export const webhookUrl = z
  .string()
  .trim()
  .max(2048, { error: 'Use at most 2048 characters' })
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' }))
  // Credentials in a URL end up in logs and on screens; the signature authenticates us instead.
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), {
    error: 'Remove the user name and password from the URL',
  });

/** High-entropy enough for HMAC; printable so it can be pasted into a receiver's config. */
export const webhookSecret = z
  .string()
  .min(16, { error: 'Use at least 16 characters' })
  .max(256, { error: 'Use at most 256 characters' })
  .regex(/^[\x21-\x7e]+$/, { error: 'Use printable characters without spaces' });

export const createWebhookRequest = z.strictObject({
  url: webhookUrl,
  events: z
    .array(webhookEvent)
    .min(1, { error: 'Pick at least one event' })
    .refine((items) => new Set(items).size === items.length, { error: 'Events must be unique' }),
  /** Omitted: Rolebridge generates one and returns it once. */
  secret: webhookSecret.optional(),
});
export type CreateWebhookRequest = z.infer<typeof createWebhookRequest>;

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export const webhookDelivery = z.object({
  id: z.string(),
  event: deliveryEvent,
  status: deliveryStatus,
  attempts: z.int(),
  /** HTTP status of the last attempt; null when no answer came (timeout, refused). */
  responseStatus: z.int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

/** A webhook as callers see it: never its secret. */
export const webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEvent),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Newest first, a few. */
  recentDeliveries: z.array(webhookDelivery),
});
export type Webhook = z.infer<typeof webhook>;

export const webhookList = z.object({ items: z.array(webhook) });

/** `secret` only when Rolebridge generated it: shown this once, then never again. */
export const createWebhookResponse = z.object({
  webhook,
  secret: z.string().optional(),
});
export type CreateWebhookResponse = z.infer<typeof createWebhookResponse>;

export const testWebhookResponse = z.object({ delivery: webhookDelivery });

/** The JSON body of a state-change delivery; signed as sent. */
export const webhookPayload = z.object({
  id: z.string(),
  type: deliveryEvent,
  at: z.string(),
  integration: z
    .object({ id: z.string(), name: z.string(), spaceId: z.string(), roleArn: z.string() })
    .nullable(),
  stacks: z.array(z.object({ slug: z.string(), name: z.string() })),
  trigger: z.string().nullable(),
  failingSince: z.string().nullable(),
  failures: z.array(
    z.object({
      stackSlug: z.string().nullable(),
      phase: z.enum(['plan', 'apply']).nullable(),
      code: z.string(),
    }),
  ),
  firstHint: z.string().nullable(),
});
export type WebhookPayload = z.infer<typeof webhookPayload>;
