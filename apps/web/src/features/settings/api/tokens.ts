import { createTokenResponse, tokenList, type CreateTokenRequest } from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { auditKeys } from './audit';

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => apiGet('/api/tokens', tokenList, signal),
    select: (data) => data.items,
  });

/**
 * The answer holds the only copy of the secret. `gcTime: 0` drops the finished mutation
 * from the mutation cache as soon as the caller resets it, so the secret lives only in the
 * component that shows it once.
 */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    gcTime: 0,
    mutationFn: async (body: CreateTokenRequest) =>
      (await apiRequest('/api/tokens', createTokenResponse, { method: 'POST', body })).data,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest(`/api/tokens/${encodeURIComponent(id)}`, z.unknown(), {
        method: 'DELETE',
      });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
        queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
      ]),
  });
}
