import type { Role } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { sessionQueryOptions } from '../queries/session';
import { spacesQueryOptions } from '../queries/spaces';
import { holdsAnywhere, roleInSpace, atLeast } from './role-in-space';

/**
 * What the signed-in person may do, per space. Until the session and spaces are loaded it
 * answers no, so a reader never sees a button flash and vanish.
 */
export function useAccess() {
  const memberships = useQuery(sessionQueryOptions()).data?.memberships ?? [];
  const spaces = useQuery(spacesQueryOptions()).data;
  return {
    can: (needed: Role, spaceId: string) =>
      spaces !== undefined && atLeast(roleInSpace(memberships, spaces, spaceId), needed),
    canAnywhere: (needed: Role) => holdsAnywhere(memberships, needed),
  };
}
