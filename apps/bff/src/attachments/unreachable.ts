import type { AutoattachConflict } from '@rolebridge/contracts';
import { inheritingSpaces } from '../spaces/eligibility.js';
import type { StackFacts } from './resolve.js';
import { matchingLabel, type AutoCandidate } from './resolve.js';

interface SpaceNode {
  id: string;
  name: string;
  parent_id: string | null;
  inherit_entities: number;
}

/**
 * Stacks whose labels match the integration's `autoattach:` label but that auto-attach does
 * not reach, with the reason a person can act on: the stack's space may not use the
 * integration's, or auto-attach is off on the integration. (Stacks it reaches but whose
 * phases are taken are reported by resolveStack.) Pure: the caller loads the facts.
 */
export function unreachableStacks(
  auto: AutoCandidate & { enabled: boolean },
  labelled: readonly StackFacts[],
  tree: readonly SpaceNode[],
): AutoattachConflict[] {
  const { integration } = auto;
  const reachable = new Set(inheritingSpaces(tree, integration.spaceId));
  const spaces = new Map(tree.map((s) => [s.id, s]));
  const nameOf = (id: string) => spaces.get(id)?.name ?? id;
  return labelled.flatMap((stack): AutoattachConflict[] => {
    const label = matchingLabel(auto, stack.labels);
    if (label === undefined) return [];
    const base = {
      integrationId: integration.id,
      integrationName: integration.name,
      stackSlug: stack.slug,
      stackName: stack.name,
      stackSpaceId: stack.space_id,
      label,
    };
    const matches = `Stack ${stack.name} matches ${label} but`;
    if (!reachable.has(stack.space_id))
      return [{ ...base, cause: 'space', reason: `${matches} ${whyNotInherited(stack.space_id)}` }];
    if (!auto.enabled)
      return [
        {
          ...base,
          cause: 'autoattach_off',
          reason: `${matches} auto-attach is turned off on ${integration.name}; turn on "Enable auto-attach" in Edit to attach it.`,
        },
      ];
    return [];
  });

  /** Either the integration's space is not above the stack's, or a space on the way does not inherit. */
  function whyNotInherited(stackSpaceId: string): string {
    const where = `is in space ${nameOf(stackSpaceId)}`;
    const path: SpaceNode[] = [];
    for (
      let s = spaces.get(stackSpaceId);
      s;
      s = s.parent_id ? spaces.get(s.parent_id) : undefined
    ) {
      if (s.id === integration.spaceId) {
        const cut = path.find((p) => p.inherit_entities !== 1);
        return `${where}, and ${cut ? `space ${cut.name}` : 'a space on the way'} does not inherit integrations from its parent; an admin of ${nameOf(cut?.parent_id ?? integration.spaceId)} can turn inheritance on in Settings → Spaces.`;
      }
      path.push(s);
    }
    return `${where}, which cannot use integrations from space ${nameOf(integration.spaceId)}: a stack uses integrations from its own space or, with inheritance, from the spaces above it.`;
  }
}
