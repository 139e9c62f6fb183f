import { sessionResponse, type User } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../api-client';

// Shared: the shell, the login guard and admin-only controls in several features read it.
export const sessionQueryKey = ['session'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        const { data } = await apiRequest('/api/session', sessionResponse, { signal });
        return data.user;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
