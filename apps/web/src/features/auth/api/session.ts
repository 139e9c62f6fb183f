import { sessionResponse, type LoginRequest, type User } from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '../../../lib/api-client';

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

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginRequest) =>
      (await apiRequest('/api/session', sessionResponse, { method: 'POST', body })).data.user,
    onSuccess: (user) => {
      // Whatever was cached belonged to the previous session (or failed with 401).
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await apiRequest('/api/session', z.undefined(), { method: 'DELETE' });
    },
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
