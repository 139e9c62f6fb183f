import { ulid } from 'ulid';
import type {
  CreateWebhookRequest,
  DeliveryEvent,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { randomSecret } from '../auth/crypto.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { Conflict, NotFound } from '../http/errors.js';
import type { StateChangeOutbox } from '../integration-health/outbox.js';
import type { SpacesService } from '../spaces/service.js';
import type { DeliveryDispatcher } from './dispatcher.js';
import type { PayloadBuilder } from './payload.js';
import type { DeliveryRow, WebhookRow, WebhooksRepository } from './repository.js';
import type { SecretBox } from './secret-box.js';

const RECENT_DELIVERIES = 5;
/** Long enough to build one change's payload and queue it; a dead replica's lease runs out. */
const RELAY_LEASE_MS = 60_000;

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event as DeliveryEvent,
    status: row.status,
    attempts: Number(row.attempts),
    responseStatus: row.response_status === null ? null : Number(row.response_status),
    lastError: row.last_error,
    createdAt: row.created_at,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt:
      row.next_attempt_at === null ? null : new Date(Number(row.next_attempt_at)).toISOString(),
  };
}

function webhookOf(row: WebhookRow, deliveries: DeliveryRow[]): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEvent[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    recentDeliveries: deliveries.filter((d) => d.webhook_id === row.id).map(deliveryOf),
  };
}

/** The URL's host only: a receiver's path may itself be a secret (chat webhooks are). */
const hostOf = (url: string) => new URL(url).host;

/**
 * Webhooks are account-wide (every integration's state changes), so root admins alone
 * manage them. The secret is sealed at rest and leaves the server once, when generated.
 */
export function createWebhooksService(deps: {
  repo: WebhooksRepository;
  box: SecretBox | null;
  dispatcher: DeliveryDispatcher;
  payloads: PayloadBuilder;
  outbox: StateChangeOutbox;
  spaces: SpacesService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, spaces, audit, clock } = deps;
  const requireRootAdmin = (principal: Principal) => spaces.requireRole(principal, 'root', 'admin');

  async function existing(id: string) {
    const row = await repo.find(id);
    if (!row) throw new NotFound('webhook_not_found', `No webhook ${id}`);
    return row;
  }

  function delivery(webhookId: string, event: DeliveryEvent, body: object): DeliveryRow {
    const id = ulid();
    const now = clock.now();
    return {
      id,
      webhook_id: webhookId,
      event,
      payload: JSON.stringify({ id, ...body }),
      status: 'pending',
      attempts: 0,
      response_status: null,
      last_error: null,
      created_at: now.toISOString(),
      last_attempt_at: null,
      next_attempt_at: now.getTime(),
      lease_until: null,
    };
  }

  return {
    async create(principal: Principal, input: CreateWebhookRequest) {
      await requireRootAdmin(principal);
      if (!deps.box)
        throw new Conflict(
          'secrets_key_missing',
          'Webhooks need ROLEBRIDGE_SECRETS_KEY (the same on every replica) to keep their secrets encrypted',
        );
      const generated = input.secret === undefined;
      const secret = input.secret ?? randomSecret(32);
      const row: WebhookRow = {
        id: ulid(),
        url: input.url,
        events: JSON.stringify(input.events),
        secret_encrypted: '',
        created_by: actorOf(principal),
        created_at: clock.now().toISOString(),
      };
      row.secret_encrypted = deps.box.seal(secret, row.id);
      await repo.transaction(async (trx) => {
        await repo.insert(row, trx);
        await audit.record(
          {
            actor: row.created_by,
            action: 'webhook.create',
            targetType: 'webhook',
            targetId: row.id,
            detail: { host: hostOf(row.url), events: input.events, secretGenerated: generated },
          },
          trx,
        );
      });
      return { webhook: webhookOf(row, []), ...(generated && { secret }) };
    },

    async list(principal: Principal): Promise<Webhook[]> {
      await requireRootAdmin(principal);
      const rows = await repo.list();
      const deliveries = await repo.recentDeliveries(
        rows.map((r) => r.id),
        RECENT_DELIVERIES,
      );
      return rows.map((r) => webhookOf(r, deliveries));
    },

    async remove(principal: Principal, id: string) {
      await requireRootAdmin(principal);
      const row = await existing(id);
      await repo.transaction(async (trx) => {
        if (!(await repo.delete(id, trx)))
          throw new NotFound('webhook_not_found', `No webhook ${id}`);
        await audit.record(
          {
            actor: actorOf(principal),
            action: 'webhook.delete',
            targetType: 'webhook',
            targetId: id,
            detail: { host: hostOf(row.url) },
          },
          trx,
        );
      });
    },

    /** "Send test": queues a ping and makes its first attempt now, so the answer shows it. */
    async sendTest(principal: Principal, id: string): Promise<WebhookDelivery> {
      await requireRootAdmin(principal);
      await existing(id);
      const row = delivery(id, 'webhook.test', deps.payloads.test(clock.now().toISOString()));
      await audit.record({
        actor: actorOf(principal),
        action: 'webhook.test',
        targetType: 'webhook',
        targetId: id,
        detail: { deliveryId: row.id },
      });
      await deps.dispatcher.deliverNow(row);
      const sent = await repo.findDelivery(row.id);
      if (!sent) throw new NotFound('webhook_not_found', `No webhook ${id}`);
      return deliveryOf(sent);
    },

    /**
     * Turns the state changes integration health recorded into deliveries, one per subscribed
     * webhook: each change is leased, and deleted in the transaction that queues its
     * deliveries, so it is queued once whichever replica (or restart) gets to it.
     * The dispatcher runs this before each pass.
     */
    async relayStateChanges() {
      const now = clock.now().getTime();
      for (const { id, change } of await deps.outbox.waiting(now, 20)) {
        if (!(await deps.outbox.lease(id, now, now + RELAY_LEASE_MS))) continue;
        const subscribed = (await repo.list()).filter((w) =>
          (JSON.parse(w.events) as string[]).includes(change.type),
        );
        const body = subscribed.length > 0 ? await deps.payloads.forChange(change) : null;
        await repo.transaction(async (trx) => {
          if (!(await deps.outbox.remove(trx, id)) || !body) return;
          await repo.enqueue(
            subscribed.map((w) => delivery(w.id, change.type, body)),
            trx,
          );
        });
      }
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
