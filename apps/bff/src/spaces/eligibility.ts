/**
 * Which spaces may share integrations (SPEC "space"): a stack may use an integration from
 * its own space, or from an ancestor while every space on the way down inherits entities.
 */
export interface SpaceNode {
  id: string;
  parent_id: string | null;
  inherit_entities: number;
}

/** Spaces whose integrations a stack in `stackSpaceId` may use: its own first, then upward. */
export function usableSpaces(spaces: readonly SpaceNode[], stackSpaceId: string): string[] {
  const byId = new Map(spaces.map((s) => [s.id, s]));
  const usable: string[] = [];
  let current = byId.get(stackSpaceId);
  while (current) {
    usable.push(current.id);
    // A space that does not inherit cuts off everything above it.
    if (current.inherit_entities !== 1 || current.parent_id === null) break;
    current = byId.get(current.parent_id);
  }
  return usable;
}

/** Spaces whose stacks may use an integration in `integrationSpaceId`: it and inheriting descendants. */
export function inheritingSpaces(
  spaces: readonly SpaceNode[],
  integrationSpaceId: string,
): string[] {
  const children = new Map<string, SpaceNode[]>();
  for (const s of spaces) {
    if (s.parent_id === null) continue;
    const list = children.get(s.parent_id);
    if (list) list.push(s);
    else children.set(s.parent_id, [s]);
  }
  const found = [integrationSpaceId];
  for (let i = 0; i < found.length; i++) {
    for (const child of children.get(found[i] ?? '') ?? [])
      if (child.inherit_entities === 1) found.push(child.id);
  }
  return found;
}
