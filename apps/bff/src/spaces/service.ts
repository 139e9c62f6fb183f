import type { CreateSpaceRequest, Role, Space, UpdateSpaceRequest } from '@rolebridge/contracts';
import { ulid } from 'ulid';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, atLeast, roleIn, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { Conflict, InputError, NotAllowed, NotFound } from '../http/errors.js';
import { usableSpaces } from './eligibility.js';
import type { SpaceRow, SpacesRepository } from './repository.js';

function toSpace(row: SpaceRow): Space {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    description: row.description,
    inheritEntities: row.inherit_entities === 1,
    createdAt: row.created_at,
  };
}

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'space'
  );
}

export function createSpacesService(deps: {
  repo: SpacesRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, audit, clock } = deps;

  async function lineageOrThrow(spaceId: string) {
    const lineage = await repo.lineage(spaceId);
    if (lineage.length === 0) throw new NotFound('space_not_found', `No space with ID ${spaceId}`);
    return lineage;
  }

  /** Turning inheritance off must not leave a direct attachment its stack may no longer use. */
  async function refuseStranding(spaceId: string) {
    const tree = (await repo.list()).map((s) =>
      s.id === spaceId ? { ...s, inherit_entities: 0 } : s,
    );
    const lost = (await repo.attachmentSpaces()).filter(
      (a) => !usableSpaces(tree, a.stackSpaceId).includes(a.integrationSpaceId),
    );
    if (lost.length > 0)
      throw new Conflict(
        'attachment_ineligible',
        `Stacks ${[...new Set(lost.map((a) => a.stackSlug))].join(', ')} use ${[...new Set(lost.map((a) => a.integrationName))].join(', ')} through this space's inheritance; detach first`,
        [{ path: 'inheritEntities', message: 'Stacks still use inherited integrations' }],
      );
  }

  const service = {
    /** The whole tree (spaces are few), for eligibility walks. */
    tree(): Promise<SpaceRow[]> {
      return repo.list();
    },

    /** The space itself first, then each parent up to root; empty when it does not exist. */
    lineage(spaceId: string): Promise<string[]> {
      return repo.lineage(spaceId);
    },

    async roleIn(principal: Principal, spaceId: string): Promise<Role | null> {
      return roleIn(principal, await lineageOrThrow(spaceId));
    },

    async requireRole(principal: Principal, spaceId: string, needed: Role): Promise<void> {
      const role = await service.roleIn(principal, spaceId);
      if (!atLeast(role, needed)) {
        throw new NotAllowed('forbidden', `This needs the ${needed} role in space ${spaceId}`);
      }
    },

    /** 'all' when the principal reads root (so every space), else the readable space ids. */
    async readableSpaces(principal: Principal): Promise<'all' | string[]> {
      if (principal.kind === 'token') {
        if (principal.role === 'worker') return [];
        return principal.spaceId === 'root' ? 'all' : repo.subtree([principal.spaceId]);
      }
      if (principal.memberships.has('root')) return 'all';
      return repo.subtree([...principal.memberships.keys()]);
    },

    /** 'all' for root admins, else the spaces the principal administers and those below. */
    async adminSpaces(principal: Principal): Promise<'all' | string[]> {
      const granted =
        principal.kind === 'token'
          ? principal.role === 'admin'
            ? [principal.spaceId]
            : []
          : [...principal.memberships].filter(([, role]) => role === 'admin').map(([id]) => id);
      if (granted.includes('root')) return 'all';
      return repo.subtree(granted);
    },

    async list(principal: Principal): Promise<Space[]> {
      const readable = await service.readableSpaces(principal);
      const rows = await repo.list();
      return rows.filter((r) => readable === 'all' || readable.includes(r.id)).map(toSpace);
    },

    async create(principal: Principal, input: CreateSpaceRequest): Promise<Space> {
      await service.requireRole(principal, input.parentId, 'admin');
      const id = `${slugify(input.name)}-${ulid().toLowerCase()}`;
      await repo.insert({ id, ...input, createdAt: clock.now().toISOString() });
      await audit.record({
        actor: actorOf(principal),
        action: 'space.create',
        targetType: 'space',
        targetId: id,
        detail: { name: input.name, parentId: input.parentId },
      });
      return toSpace((await repo.find(id))!);
    },

    async update(principal: Principal, id: string, patch: UpdateSpaceRequest) {
      await service.requireRole(principal, id, 'admin');
      const current = await repo.find(id);
      if (!current) throw new NotFound('space_not_found', `No space with ID ${id}`);
      if (id === 'root' && patch.name !== undefined && patch.name !== 'root') {
        throw new InputError('The root space cannot be renamed', [
          { path: 'name', message: 'The root space cannot be renamed' },
        ]);
      }
      const inherit = patch.inheritEntities;
      if (inherit !== undefined && inherit !== (current.inherit_entities === 1)) {
        // Inheriting opens the parent's integrations (and AWS roles) to this space: only
        // whoever administers the parent may decide that, not the space's own admins.
        await service.requireRole(principal, current.parent_id ?? 'root', 'admin');
        if (!inherit) await refuseStranding(id);
      }
      if (Object.keys(patch).length === 0) return toSpace(current);
      await repo.update(id, patch);
      await audit.record({
        actor: actorOf(principal),
        action: 'space.update',
        targetType: 'space',
        targetId: id,
        detail: patch,
      });
      return toSpace((await repo.find(id))!);
    },

    async remove(principal: Principal, id: string) {
      await service.requireRole(principal, id, 'admin');
      if (id === 'root') throw new Conflict('root_space', 'The root space cannot be deleted');
      const held = await repo.contents(id);
      const reasons = Object.entries(held)
        .filter(([, n]) => n > 0)
        .map(([what]) => what);
      if (reasons.length > 0) {
        throw new Conflict(
          'space_not_empty',
          `The space still holds ${reasons.join(', ')}; move or delete them first`,
        );
      }
      await repo.delete(id);
      await audit.record({
        actor: actorOf(principal),
        action: 'space.delete',
        targetType: 'space',
        targetId: id,
      });
    },
  };
  return service;
}

export type SpacesService = ReturnType<typeof createSpacesService>;
