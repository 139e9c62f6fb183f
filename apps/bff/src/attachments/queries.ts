import type { SpacesService } from '../spaces/service.js';
import { inheritingSpaces, usableSpaces } from '../spaces/eligibility.js';
import type { StacksRepository, StackWithLabels } from '../stacks/repository.js';
import type { AttachmentsRepository } from './repository.js';
import { resolveStack, type Resolution } from './resolve.js';
import { unreachableStacks } from './unreachable.js';

/** Loads the facts resolveStack needs; no permission checks (the services do those). */
export function createAttachmentQueries(deps: {
  repo: AttachmentsRepository;
  stacks: StacksRepository;
  spaces: SpacesService;
}) {
  const { repo, stacks, spaces } = deps;

  async function resolveMany(list: StackWithLabels[]): Promise<Map<string, Resolution>> {
    if (list.length === 0) return new Map();
    // Every auto candidate, not only the one asked about: they compete for phases.
    const [tree, autos, direct] = await Promise.all([
      spaces.tree(),
      repo.autoCandidates(),
      repo.directFor(list.map((s) => s.slug)),
    ]);
    return new Map(
      list.map((stack) => [
        stack.slug,
        resolveStack(stack, direct, autos, usableSpaces(tree, stack.space_id)),
      ]),
    );
  }

  const queries = {
    async forStack(stack: StackWithLabels): Promise<Resolution> {
      return (await resolveMany([stack])).get(stack.slug) ?? { items: [], conflicts: [] };
    },

    /** Every stack the integration reaches, directly or by label, and the clashes it meets. */
    async forIntegration(integration: { id: string; spaceId: string }): Promise<Resolution> {
      const [directSlugs, auto, tree] = await Promise.all([
        repo.stacksAttachedTo(integration.id),
        repo.autoLabels(integration.id),
        spaces.tree(),
      ]);
      // Every stack with a matching label, wherever it is: those the label cannot reach say why.
      const matching = auto
        ? await repo.stacksLabelled(
            auto.targets,
            tree.map((s) => s.id),
          )
        : [];
      const reach = auto?.enabled
        ? new Set(inheritingSpaces(tree, auto.integration.spaceId))
        : null;
      const labelled = reach ? matching.filter((s) => reach.has(s.space_id)) : [];
      const direct = await stacks.findMany(directSlugs);
      const bySlug = new Map([...direct, ...labelled].map((s) => [s.slug, s]));
      const resolved = await resolveMany([...bySlug.values()]);
      const items = [...resolved.values()].flatMap((r) =>
        r.items.filter((i) => i.integration.id === integration.id),
      );
      const conflicts = [...resolved.values()].flatMap((r) =>
        r.conflicts.filter((c) => c.integrationId === integration.id),
      );
      const attached = new Set(directSlugs);
      if (auto)
        conflicts.push(
          ...unreachableStacks(
            auto,
            matching.filter((s) => !attached.has(s.slug)),
            tree,
          ),
        );
      return { items, conflicts };
    },

    /** Every stack using the integration now, directly or by label. */
    async stacksUsing(integration: { id: string; spaceId: string }): Promise<string[]> {
      const { items } = await queries.forIntegration(integration);
      return [...new Set(items.map((i) => i.attachment.stackSlug))].sort();
    },

    /** Directly attached stacks that could no longer use it from `spaceId`. */
    async strandedByMove(integrationId: string, spaceId: string): Promise<string[]> {
      const direct = await stacks.findMany(await repo.stacksAttachedTo(integrationId));
      const tree = await spaces.tree();
      return direct
        .filter((s) => !usableSpaces(tree, s.space_id).includes(spaceId))
        .map((s) => s.slug);
    },

    /** Integrations a stack in this space may attach: its own space and inherited ancestors. */
    async usableSpaces(stackSpaceId: string) {
      return usableSpaces(await spaces.tree(), stackSpaceId);
    },
  };
  return queries;
}

export type AttachmentQueries = ReturnType<typeof createAttachmentQueries>;
