import type {
  createStackRequest,
  ListStacksQuery,
  UpdateStackRequest,
} from '@rolebridge/contracts';
import type { z } from 'zod';
import type { AttachmentsRepository } from '../attachments/repository.js';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, atLeast, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { Conflict, InputError, NotFound, PreconditionFailed } from '../http/errors.js';
import { parseIfMatch } from '../integrations/mapping.js';
import type { RunCredentialStore } from '../runs/credential-store.js';
import { usableSpaces } from '../spaces/eligibility.js';
import type { SpacesService } from '../spaces/service.js';
import { toStack } from './mapping.js';
import type { StacksRepository } from './repository.js';

type CreateInput = z.output<typeof createStackRequest>;

export function createStacksService(deps: {
  repo: StacksRepository;
  attachments: AttachmentsRepository;
  credentials: RunCredentialStore;
  spaces: SpacesService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, spaces, audit, clock } = deps;

  const noSpace = (spaceId: string) =>
    new InputError(`No space with ID ${spaceId}`, [
      { path: 'spaceId', message: 'No space with this ID' },
    ]);

  async function requireSpaceAdmin(principal: Principal, spaceId: string) {
    if ((await spaces.lineage(spaceId)).length === 0) throw noSpace(spaceId);
    await spaces.requireRole(principal, spaceId, 'admin');
  }

  const service = {
    /** For callers that checked access already. */
    async find(slug: string) {
      const row = await repo.find(slug);
      if (!row) throw new NotFound('stack_not_found', `No stack with slug ${slug}`);
      return row;
    },

    /** Stacks the caller may not read are reported as missing, not as forbidden. */
    async readable(principal: Principal, slug: string) {
      const row = await repo.find(slug);
      if (!row || !atLeast(await spaces.roleIn(principal, row.space_id), 'read'))
        throw new NotFound('stack_not_found', `No stack with slug ${slug}`);
      return row;
    },

    async list(principal: Principal, query: ListStacksQuery) {
      const rows = await repo.list({
        spaceIds: await spaces.readableSpaces(principal),
        ...(query.space !== undefined && { space: query.space }),
        ...(query.q && { q: query.q }),
        ...(query.cursor && { after: query.cursor }),
        limit: query.limit + 1,
      });
      const items = rows.slice(0, query.limit);
      return {
        items: items.map(toStack),
        // Slugs are unique and [a-z0-9-]: the last one is the keyset cursor as is.
        nextCursor: rows.length > query.limit ? (items.at(-1)?.slug ?? null) : null,
      };
    },

    async create(principal: Principal, input: CreateInput) {
      await requireSpaceAdmin(principal, input.spaceId);
      const now = clock.now().toISOString();
      const row = { slug: input.slug, name: input.name, space_id: input.spaceId };
      const full = { ...row, created_at: now, updated_at: now, version: 1 };
      await repo.transaction(async (trx) => {
        if (!(await repo.insert(trx, full, input.labels)))
          throw new Conflict('slug_taken', `A stack with slug ${input.slug} already exists`, [
            { path: 'slug', message: 'This slug is taken' },
          ]);
        await audit.record(
          {
            actor: actorOf(principal),
            action: 'stack.create',
            targetType: 'stack',
            targetId: input.slug,
            detail: { name: input.name, spaceId: input.spaceId, labels: input.labels },
          },
          trx,
        );
      });
      // Reads list labels sorted; answer the same way.
      return { stack: toStack({ ...full, labels: [...input.labels].sort() }), version: 1 };
    },

    async update(
      principal: Principal,
      slug: string,
      patch: UpdateStackRequest,
      ifMatch: string | undefined,
    ) {
      const versions = ifMatch === undefined ? 'any' : parseIfMatch(ifMatch);
      const stale = () =>
        new PreconditionFailed('stale_etag', 'This stack was changed since you loaded it');
      // Without If-Match the caller asked for no precondition: a writer slipping in between
      // our read and our write is not "changed since you loaded it". Read again and apply
      // the patch on top; past ten tries the row is too busy to promise anything.
      for (let attempt = 1; ; attempt++) {
        const done = await updateOnce(await service.readable(principal, slug));
        if (done) return done;
        if (versions !== 'any' || attempt === 10) throw stale();
      }

      async function updateOnce(current: Awaited<ReturnType<typeof service.readable>>) {
        await spaces.requireRole(principal, current.space_id, 'admin');
        if (versions !== 'any' && !versions.includes(current.version)) throw stale();
        const spaceId = patch.spaceId ?? current.space_id;
        if (spaceId !== current.space_id) {
          await requireSpaceAdmin(principal, spaceId);
          // Moving must not leave a direct attachment the new space may not use.
          const usable = usableSpaces(await spaces.tree(), spaceId);
          const lost = (await deps.attachments.directFor([slug])).filter(
            (a) => !usable.includes(a.integration.spaceId),
          );
          if (lost.length > 0)
            throw new Conflict(
              'attachment_ineligible',
              `Stacks in space ${spaceId} cannot use ${lost.map((a) => a.integration.name).join(', ')}; detach first`,
            );
        }
        const { labels: currentLabels, ...currentRow } = current;
        const labels = patch.labels ?? currentLabels;
        const row = {
          ...currentRow,
          name: patch.name ?? current.name,
          space_id: spaceId,
          updated_at: clock.now().toISOString(),
          version: current.version + 1,
        };
        const written = await repo.transaction(async (trx) => {
          if (!(await repo.update(trx, row, current.version, labels))) return false;
          await audit.record(
            {
              actor: actorOf(principal),
              action: 'stack.update',
              targetType: 'stack',
              targetId: slug,
              detail: { fields: Object.keys(patch), labels, spaceId },
            },
            trx,
          );
          return true;
        });
        if (!written) return null;
        return { stack: toStack({ ...row, labels: [...labels].sort() }), version: row.version };
      }
    },

    /** Direct attachments and runs go with it; the audit log keeps the history. */
    async remove(principal: Principal, slug: string) {
      const current = await service.readable(principal, slug);
      await spaces.requireRole(principal, current.space_id, 'admin');
      const detached = (await deps.attachments.directFor([slug])).map((a) => a.integration.id);
      await repo.transaction(async (trx) => {
        const { runs } = await repo.delete(trx, slug);
        await audit.record(
          {
            actor: actorOf(principal),
            action: 'stack.delete',
            targetType: 'stack',
            targetId: slug,
            detail: { name: current.name, detached, runsDeleted: runs },
          },
          trx,
        );
      });
      // A deleted stack's workers lose their credentials at once, not at expiry.
      deps.credentials.forgetStack(slug);
    },
  };
  return service;
}

export type StacksService = ReturnType<typeof createStacksService>;
