import type { Role } from '@rolebridge/contracts';
import type { Principal } from '../auth/principal.js';
import type { SpacesService } from '../spaces/service.js';
import type { UsersRepository } from './repository.js';

export function createUsersService(deps: { repo: UsersRepository; spaces: SpacesService }) {
  return {
    /** Everyone and where they have access; account-wide, so root admins only. */
    async list(principal: Principal) {
      await deps.spaces.requireRole(principal, 'root', 'admin');
      const { users, memberships } = await deps.repo.listWithMemberships();
      return {
        items: users.map((u) => ({
          id: u.id,
          email: u.email,
          createdAt: u.created_at,
          memberships: memberships
            .filter((m) => m.user_id === u.id)
            .map((m) => ({ spaceId: m.space_id, role: m.role as Role })),
        })),
      };
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
