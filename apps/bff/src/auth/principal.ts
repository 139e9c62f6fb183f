import type { Role, TokenRole } from '@rolebridge/contracts';

export type Principal =
  | { kind: 'user'; id: string; email: string; memberships: ReadonlyMap<string, Role> }
  | {
      kind: 'token';
      id: string;
      /** Its name as stored when the request began, for the answer to name it. */
      name: string;
      role: TokenRole;
      spaceId: string;
      /** What it mints may not outlive it. */
      expiresAt: string | null;
    };

export function actorOf(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.email}` : `token:${principal.id}`;
}

const RANK: Record<Role, number> = { read: 1, write: 2, admin: 3 };

export function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/**
 * The role a principal holds in a space, given the space's ancestry (itself first, root
 * last): roles are inherited downward, the strongest grant wins. Worker tokens hold no
 * role: they may only fetch their runs' environments.
 */
export function roleIn(principal: Principal, lineage: readonly string[]): Role | null {
  if (principal.kind === 'token') {
    if (principal.role === 'worker') return null;
    return lineage.includes(principal.spaceId) ? principal.role : null;
  }
  let best: Role | null = null;
  for (const spaceId of lineage) {
    const role = principal.memberships.get(spaceId);
    if (role && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/** The user's strongest role anywhere, shown as "your role" in the console. */
export function headlineRole(principal: Principal): Role | 'worker' {
  if (principal.kind === 'token') return principal.role;
  let best: Role = 'read';
  for (const role of principal.memberships.values()) if (RANK[role] > RANK[best]) best = role;
  return best;
}
