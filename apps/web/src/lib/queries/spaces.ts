import { spaceList, type Space } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api-client';

// Integrations and stacks both live in spaces, so the list is shared across features.
export const spacesQueryOptions = () =>
  queryOptions({
    queryKey: ['spaces', 'list'],
    queryFn: ({ signal }) => apiGet('/api/spaces', spaceList, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });

export type SpaceOption = { id: string; name: string; depth: number };

/** Depth-first order (parents before children, siblings by name) for indented pickers. */
export function spaceTree(spaces: readonly Space[]): SpaceOption[] {
  const ids = new Set(spaces.map((s) => s.id));
  const children = new Map<string | null, Space[]>();
  for (const space of spaces) {
    // An orphan (parent not visible to this user) is shown at the top level.
    const parent = space.parentId !== null && ids.has(space.parentId) ? space.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), space]);
  }
  const out: SpaceOption[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const space of list) {
      out.push({ id: space.id, name: space.name, depth });
      visit(space.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function spaceName(spaces: readonly Space[] | undefined, id: string): string {
  return spaces?.find((s) => s.id === id)?.name ?? id;
}
