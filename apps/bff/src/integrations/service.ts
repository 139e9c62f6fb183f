import { ulid } from 'ulid';
import {
  createAwsIntegrationRequest,
  toFieldErrors,
  type AwsIntegration,
  type ListAwsIntegrationsQuery,
  type UpdateAwsIntegrationRequest,
} from '@rolebridge/contracts';
import type { z } from 'zod';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, atLeast, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { GenerationCache, type Generation } from '../db/generation.js';
import { mapUniqueViolation } from '../db/unique-violation.js';
import {
  Conflict,
  InputError,
  NotFound,
  PreconditionFailed,
  PreconditionRequired,
} from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import { listPageBody } from './list-json.js';
import {
  decodeCursor,
  encodeCursor,
  ifMatchAccepts,
  integrationEtag,
  toIntegration,
} from './mapping.js';
import type { IntegrationRow, IntegrationsRepository } from './repository.js';

type CreateInput = Omit<z.output<typeof createAwsIntegrationRequest>, 'verifyTarget'>;

function currentValue(
  row: IntegrationRow,
  field: 'roleArn' | 'durationSeconds' | 'region' | 'assumeRoleOnWorker',
) {
  if (field === 'roleArn') return row.role_arn;
  if (field === 'durationSeconds') return row.duration_seconds;
  if (field === 'region') return row.region;
  return row.assume_role_on_worker === 1;
}

/** What attachments tell the integration rules; attachments/queries.ts implements it. */
export interface IntegrationUsage {
  stacksUsing(integration: { id: string; spaceId: string }): Promise<string[]>;
  strandedByMove(integrationId: string, spaceId: string): Promise<string[]>;
}

export function createIntegrationsService(deps: {
  repo: IntegrationsRepository;
  spaces: SpacesService;
  usage: IntegrationUsage;
  audit: AuditLog;
  clock: Clock;
  generation: Generation | null;
  cacheListPages: boolean;
}) {
  const { repo, spaces, audit, clock } = deps;
  // Consoles poll lists; a page only changes with a write, so its JSON is kept until then.
  const listBodies = new GenerationCache<Buffer>(deps.generation, 1_000);

  async function requireSpaceAdmin(principal: Principal, spaceId: string) {
    const role = await spaces.roleIn(principal, spaceId).catch((err: unknown) => {
      if (err instanceof NotFound)
        throw new InputError(`No space with ID ${spaceId}`, [
          { path: 'spaceId', message: 'No space with this ID' },
        ]);
      throw err;
    });
    if (!atLeast(role, 'admin')) await spaces.requireRole(principal, spaceId, 'admin');
  }

  async function readable(principal: Principal, id: string) {
    const row = await repo.find(id);
    // Integrations the caller may not read are reported as missing, not as forbidden.
    if (!row || !atLeast(await spaces.roleIn(principal, row.space_id), 'read')) {
      throw new NotFound('integration_not_found', `No AWS integration with ID ${id}`);
    }
    return row;
  }

  const staleEtag = () =>
    new PreconditionFailed(
      'stale_etag',
      'This integration was changed since you loaded it; reload and try again',
    );

  const nameConflict = (name: string) =>
    new Conflict('name_taken', `An integration named "${name}" already exists`);

  async function list(principal: Principal, query: ListAwsIntegrationsQuery) {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null)
      throw new InputError('cursor is not valid', [
        { path: 'cursor', message: 'cursor is not valid' },
      ]);
    const filter = {
      labels: [...new Set(query.label)],
      spaceIds: await spaces.readableSpaces(principal),
      ...(query.space !== undefined && { space: query.space }),
      ...(query.q && { q: query.q }),
      ...(query.status && { status: query.status }),
      ...(after && { after }),
      limit: query.limit + 1,
    };
    const { items: found, total } = await repo.listPage(filter);
    const items = found.slice(0, query.limit);
    const last = items.at(-1);
    return listPageBody({
      items: items.map((item) => item.json),
      nextCursor: found.length > query.limit && last ? encodeCursor(last) : null,
      total: total.total,
      totalExact: total.exact,
    });
  }

  return {
    /** The list page's JSON body, served from cache until the next database write. */
    listBody(principal: Principal, query: ListAwsIntegrationsQuery): Promise<Buffer> {
      if (!deps.cacheListPages) return list(principal, query);
      const who = principal.kind === 'user' ? `u:${principal.id}` : `t:${principal.id}`;
      return listBodies.get(`${who}|${JSON.stringify(query)}`, () => list(principal, query));
    },

    async get(principal: Principal, id: string) {
      const row = await readable(principal, id);
      const integration = toIntegration(row);
      return { integration, etag: integrationEtag(integration, row.version) };
    },

    async create(
      principal: Principal,
      input: CreateInput,
    ): Promise<{ integration: AwsIntegration }> {
      await requireSpaceAdmin(principal, input.spaceId);
      const now = clock.now().toISOString();
      const row: IntegrationRow = {
        id: ulid(),
        name: input.name,
        space_id: input.spaceId,
        role_arn: input.roleArn,
        assume_role_on_worker: input.assumeRoleOnWorker ? 1 : 0,
        external_id: input.externalId ?? null,
        duration_seconds: input.durationSeconds,
        region: input.region ?? null,
        autoattach_enabled: input.autoattachEnabled ? 1 : 0,
        created_at: now,
        updated_at: now,
        version: 1,
        last_verification: null,
        verification_run: null,
        health_state: 'unknown',
        failing_since: null,
        recovered_at: null,
      };
      // The check names the clash; the unique index catches a create that raced this one.
      await mapUniqueViolation(
        () =>
          repo.transaction(async (trx) => {
            if (await repo.nameTaken(input.name, null, trx)) throw nameConflict(input.name);
            await repo.insert(trx, row, input.labels);
            await audit.record(
              {
                actor: actorOf(principal),
                action: 'integration.create',
                targetType: 'aws_integration',
                targetId: row.id,
                detail: { name: row.name, roleArn: row.role_arn, spaceId: row.space_id },
              },
              trx,
            );
          }),
        () => nameConflict(input.name),
      );
      // Reads list labels sorted; answer the same way.
      return { integration: toIntegration({ ...row, labels: [...input.labels].sort() }) };
    },

    async update(
      principal: Principal,
      id: string,
      patch: UpdateAwsIntegrationRequest,
      ifMatch: string | undefined,
    ) {
      if (ifMatch === undefined) {
        throw new PreconditionRequired(
          'if_match_required',
          'Send If-Match with the ETag you read, so concurrent edits are not lost',
        );
      }
      // Checks run before the transaction: SQLite has one connection, and a query outside
      // the transaction while it is open would wait for it forever.
      const current = await readable(principal, id);
      await spaces.requireRole(principal, current.space_id, 'admin');
      // The tag covers the last verification too: a check that ran since the form loaded
      // changed what the editor saw, so the editor reloads (RFC 9110 strong comparison).
      if (!ifMatchAccepts(ifMatch, integrationEtag(toIntegration(current), current.version)))
        throw staleEtag();
      // Turning the worker option off drops the custom external ID it alone allowed.
      const workerOff = patch.assumeRoleOnWorker === false && patch.externalId === undefined;
      const { labels: currentLabels, ...currentRow } = current;
      const merged = createAwsIntegrationRequest.safeParse({
        name: current.name,
        spaceId: current.space_id,
        roleArn: current.role_arn,
        assumeRoleOnWorker: current.assume_role_on_worker === 1,
        externalId: workerOff ? null : current.external_id,
        durationSeconds: current.duration_seconds,
        region: current.region,
        labels: currentLabels,
        autoattachEnabled: current.autoattach_enabled === 1,
        ...patch,
      });
      if (!merged.success) {
        const errors = toFieldErrors(merged.error);
        throw new InputError(errors[0]?.message ?? 'Invalid update', errors);
      }
      const next = merged.data;
      if (next.spaceId !== current.space_id) {
        await requireSpaceAdmin(principal, next.spaceId);
        const stranded = await deps.usage.strandedByMove(id, next.spaceId);
        if (stranded.length > 0)
          throw new Conflict(
            'attachment_ineligible',
            `Stacks ${stranded.join(', ')} could not use this integration from space ${next.spaceId}; detach it from them first`,
          ).withExtra({ stacks: stranded });
      }
      const row: IntegrationRow = {
        ...currentRow,
        name: next.name,
        space_id: next.spaceId,
        role_arn: next.roleArn,
        assume_role_on_worker: next.assumeRoleOnWorker ? 1 : 0,
        external_id: next.externalId ?? null,
        duration_seconds: next.durationSeconds,
        region: next.region ?? null,
        autoattach_enabled: next.autoattachEnabled ? 1 : 0,
        updated_at: clock.now().toISOString(),
        version: current.version + 1,
      };
      // A verification of another role, duration or region says nothing about this one.
      const verified = ['roleArn', 'durationSeconds', 'region', 'assumeRoleOnWorker'] as const;
      const stale = verified.some(
        (f) => patch[f] !== undefined && patch[f] !== currentValue(current, f),
      );
      if (stale) row.last_verification = null;
      await mapUniqueViolation(
        () =>
          repo.transaction(async (trx) => {
            if (await repo.nameTaken(next.name, id, trx)) throw nameConflict(next.name);
            // The version check in the UPDATE catches a writer that slipped in since we read.
            if (!(await repo.update(trx, row, current.version, next.labels, stale)))
              throw staleEtag();
            await audit.record(
              {
                actor: actorOf(principal),
                action: 'integration.update',
                targetType: 'aws_integration',
                targetId: id,
                detail: { fields: Object.keys(patch) },
              },
              trx,
            );
          }),
        () => nameConflict(next.name),
      );
      const integration = toIntegration({ ...row, labels: [...next.labels].sort() });
      return { integration, etag: integrationEtag(integration, row.version), reverify: stale };
    },

    async remove(principal: Principal, id: string) {
      const row = await readable(principal, id);
      await spaces.requireRole(principal, row.space_id, 'admin');
      const attached = (stacks: string[]) =>
        new Conflict(
          'integration_attached',
          `${row.name} is attached to ${stacks.join(', ')}; detach it (or remove its autoattach labels) first`,
        ).withExtra({ stacks });
      const using = await deps.usage.stacksUsing({ id, spaceId: row.space_id });
      if (using.length > 0) throw attached(using);
      await repo.transaction(async (trx) => {
        // An attach may have landed since the check; the foreign key would refuse anyway.
        const late = await repo.directStacks(id, trx);
        if (late.length > 0) throw attached(late);
        await repo.delete(trx, id);
        await audit.record(
          {
            actor: actorOf(principal),
            action: 'integration.delete',
            targetType: 'aws_integration',
            targetId: id,
            detail: { name: row.name },
          },
          trx,
        );
      });
    },
  };
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
