import type { Membership, Role, Space } from '@rolebridge/contracts';

const RANK: Record<Role, number> = { read: 1, write: 2, admin: 3 };

export const atLeast = (role: Role | null, needed: Role) =>
  role !== null && RANK[role] >= RANK[needed];

/**
 * The role a user holds in a space: the strongest grant on it or any space above it, as the
 * BFF decides (roles are inherited downward). The BFF still checks every request; this only
 * keeps the console from offering what would be refused.
 */
export function roleInSpace(
  memberships: readonly Membership[],
  spaces: readonly Pick<Space, 'id' | 'parentId'>[],
  spaceId: string,
): Role | null {
  const parentOf = new Map(spaces.map((s) => [s.id, s.parentId]));
  const granted = new Map(memberships.map((m) => [m.spaceId, m.role]));
  let best: Role | null = null;
  const seen = new Set<string>();
  for (
    let id: string | null = spaceId;
    id !== null && !seen.has(id);
    id = parentOf.get(id) ?? null
  ) {
    seen.add(id);
    const role = granted.get(id);
    if (role && !atLeast(best, role)) best = role;
  }
  return best;
}

/** Whether the user holds the role in at least one space (e.g. to offer "Set up integration"). */
export const holdsAnywhere = (memberships: readonly Membership[], needed: Role) =>
  memberships.some((m) => atLeast(m.role, needed));
