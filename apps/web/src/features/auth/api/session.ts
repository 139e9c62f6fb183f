import { sessionResponse, type LoginRequest } from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/queries/session';

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
