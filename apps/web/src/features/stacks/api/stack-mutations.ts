import { stack, type CreateStackRequest, type UpdateStackRequest } from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { attachmentKeys } from '../../../lib/queries/attachments';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';
import { stackKeys, stackPath } from '../../../lib/queries/stacks';

export function useCreateStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateStackRequest) => {
      const { data, headers } = await apiRequest('/api/stacks', stack, { method: 'POST', body });
      return { stack: data, etag: headers.get('ETag') };
    },
    onSuccess: async (result) => {
      queryClient.setQueryData(stackKeys.detail(result.stack.slug), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: stackKeys.lists() }),
        // "Create first stack" completes, and labels may auto-attach integrations at once.
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: attachmentKeys.all }),
      ]);
    },
  });
}

type UpdateInput = { slug: string; etag: string | null; body: UpdateStackRequest };

export function useUpdateStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ slug, etag, body }: UpdateInput) => {
      const { data, headers } = await apiRequest(stackPath(slug), stack, {
        method: 'PATCH',
        body,
        headers: etag ? { 'If-Match': etag } : {},
      });
      return { stack: data, etag: headers.get('ETag') };
    },
    onSuccess: async (result) => {
      queryClient.setQueryData(stackKeys.detail(result.stack.slug), result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: stackKeys.lists() }),
        // A label change adds or removes auto-attachments on both pages at once.
        queryClient.invalidateQueries({ queryKey: attachmentKeys.all }),
      ]);
    },
  });
}

export function useDeleteStack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (slug: string) => {
      await apiRequest(stackPath(slug), z.undefined(), { method: 'DELETE' });
      return slug;
    },
    onSuccess: async (slug) => {
      queryClient.removeQueries({ queryKey: stackKeys.detail(slug) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: stackKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: attachmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
      ]);
    },
  });
}
