import { invitePreview, sessionResponse, type acceptInviteRequest } from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/queries/session';

export const invitePreviewQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['invites', 'preview', token],
    queryFn: async ({ signal }) =>
      (
        await apiRequest('/api/invites/preview', invitePreview, {
          method: 'POST',
          body: { token },
          signal,
        })
      ).data,
    retry: false,
  });

/** Accepting sets the session cookie: the invitee is signed in as the new user. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof acceptInviteRequest>) =>
      (await apiRequest('/api/invites/accept', sessionResponse, { method: 'POST', body })).data
        .user,
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}
