import type { AttachmentList, Phase, StackEnvironment } from '@rolebridge/contracts';
import type { Principal } from '../auth/principal.js';
import { toIntegration } from '../integrations/mapping.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { IntegrationsService } from '../integrations/service.js';
import { variableNames } from '../runs/variables.js';
import type { SpacesService } from '../spaces/service.js';
import type { StacksService } from '../stacks/service.js';
import type { AttachmentQueries } from './queries.js';
import type { Resolution } from './resolve.js';

const listOf = (r: Resolution): AttachmentList => ({
  items: r.items.map((i) => i.attachment),
  conflicts: r.conflicts,
});

/** Read-only views of attachments; each checks the caller may read what it shows. */
export function createAttachmentViews(deps: {
  queries: AttachmentQueries;
  stacks: StacksService;
  integrations: IntegrationsService;
  integrationsRepo: IntegrationsRepository;
  spaces: SpacesService;
}) {
  const { queries, stacks, spaces } = deps;
  return {
    async forStack(principal: Principal, slug: string): Promise<AttachmentList> {
      return listOf(await queries.forStack(await stacks.readable(principal, slug)));
    },

    /** "Used by": stacks the caller may read, direct and auto-attached, by stack name. */
    async forIntegration(principal: Principal, id: string, q?: string): Promise<AttachmentList> {
      const { integration } = await deps.integrations.get(principal, id);
      const resolved = await queries.forIntegration(integration);
      const readable = await spaces.readableSpaces(principal);
      const needle = q?.toLowerCase();
      const items = resolved.items
        .map((i) => i.attachment)
        .filter((a) => readable === 'all' || readable.includes(a.stackSpaceId))
        .filter((a) => !needle || a.stackName.toLowerCase().includes(needle))
        .sort(
          (a, b) => a.stackName.localeCompare(b.stackName) || (a.stackSlug < b.stackSlug ? -1 : 1),
        );
      // A stack auto-attach missed is only reported to those who may see the stack.
      const conflicts = resolved.conflicts
        .filter((c) => readable === 'all' || readable.includes(c.stackSpaceId))
        .sort((a, b) => a.stackName.localeCompare(b.stackName));
      return { items, conflicts };
    },

    /** What the attach form offers: integrations from the stack's space or inherited ones. */
    async attachable(principal: Principal, slug: string) {
      const stack = await stacks.readable(principal, slug);
      const readable = await spaces.readableSpaces(principal);
      const spaceIds = (await queries.usableSpaces(stack.space_id)).filter(
        (id) => readable === 'all' || readable.includes(id),
      );
      const { rows } = await deps.integrationsRepo.list({ labels: [], spaceIds, limit: 100 });
      return { items: rows.map(toIntegration) };
    },

    /** The environment tab: the names a run would get, never a value. */
    async environment(principal: Principal, slug: string): Promise<StackEnvironment> {
      const resolved = await queries.forStack(await stacks.readable(principal, slug));
      return {
        items: resolved.items.flatMap(({ attachment, integration }) => {
          const phases: Phase[] = (['read', 'write'] as const).filter((p) => attachment[p]);
          return variableNames(integration).map((name) => ({
            name,
            value: '<computed>' as const,
            integrationId: integration.id,
            integrationName: integration.name,
            phases,
            isAutoattached: attachment.isAutoattached,
          }));
        }),
      };
    },
  };
}

export type AttachmentViews = ReturnType<typeof createAttachmentViews>;
