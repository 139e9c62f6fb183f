import type { DeliveryEvent, WebhookPayload } from '@rolebridge/contracts';
import type { AttachmentQueries } from '../attachments/queries.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { IntegrationStateChange } from '../integration-health/events.js';
import type { StacksRepository } from '../stacks/repository.js';

/**
 * The body receivers get for a state change: enough to act without calling back (which
 * integration, the stacks whose runs will fail, what failed and the first hint). Built once
 * when queued, so every attempt sends, and signs, the same bytes.
 */
export function createPayloadBuilder(deps: {
  integrations: IntegrationsRepository;
  usage: AttachmentQueries;
  stacks: StacksRepository;
}) {
  return {
    async forChange(change: IntegrationStateChange): Promise<Omit<WebhookPayload, 'id'>> {
      const row = await deps.integrations.find(change.integrationId);
      const integration = row && { id: row.id, spaceId: row.space_id };
      const slugs = integration ? await deps.usage.stacksUsing(integration) : [];
      const stacks = await deps.stacks.findMany(slugs);
      return {
        type: change.type,
        at: change.at,
        integration: row
          ? { id: row.id, name: row.name, spaceId: row.space_id, roleArn: row.role_arn }
          : null,
        stacks: stacks
          .map((s) => ({ slug: s.slug, name: s.name }))
          .sort((a, b) => a.slug.localeCompare(b.slug)),
        trigger: change.trigger,
        failingSince: change.failingSince,
        failures: change.failures,
        firstHint: change.firstHint,
      };
    },

    test(at: string): Omit<WebhookPayload, 'id'> {
      const type: DeliveryEvent = 'webhook.test';
      return {
        type,
        at,
        integration: null,
        stacks: [],
        trigger: null,
        failingSince: null,
        failures: [],
        firstHint: 'This is a test delivery from Rolebridge Settings → Webhooks.',
      };
    },
  };
}

export type PayloadBuilder = ReturnType<typeof createPayloadBuilder>;
