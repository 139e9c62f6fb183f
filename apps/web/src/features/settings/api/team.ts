import {
  createInviteResponse,
  inviteList,
  userList,
  type createInviteRequest,
} from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';

export const teamKeys = {
  users: () => ['users', 'list'] as const,
  invites: () => ['invites', 'list'] as const,
};

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: teamKeys.users(),
    queryFn: ({ signal }) => apiGet('/api/users', userList, signal),
    select: (data) => data.items,
  });

export const invitesQueryOptions = () =>
  queryOptions({
    queryKey: teamKeys.invites(),
    queryFn: ({ signal }) => apiGet('/api/invites', inviteList, signal),
    select: (data) => data.items,
  });

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof createInviteRequest>) =>
      (await apiRequest('/api/invites', createInviteResponse, { method: 'POST', body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.invites() }),
  });
}

export function useRevokeInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest(`/api/invites/${encodeURIComponent(id)}`, z.unknown(), {
        method: 'DELETE',
      });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teamKeys.invites() }),
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
      ]),
  });
}
