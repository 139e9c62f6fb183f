import {
  createWebhookResponse,
  testWebhookResponse,
  webhookList,
  type CreateWebhookRequest,
} from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { auditKeys } from './audit';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
};

export const webhooksQueryOptions = () =>
  queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => apiGet('/api/webhooks', webhookList, signal),
    select: (data) => data.items,
    // Retries happen in the background: look again while any delivery is still pending.
    refetchInterval: (query) =>
      query.state.data?.items.some((w) => w.recentDeliveries.some((d) => d.status === 'pending'))
        ? 2_000
        : false,
  });

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
      queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
    ]);
}

/** As with tokens, `gcTime: 0`: a generated secret lives only in the component showing it. */
export function useCreateWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    gcTime: 0,
    mutationFn: async (body: CreateWebhookRequest) =>
      (await apiRequest('/api/webhooks', createWebhookResponse, { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
}

export function useDeleteWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest(`/api/webhooks/${encodeURIComponent(id)}`, z.unknown(), {
        method: 'DELETE',
      });
    },
    onSuccess: invalidate,
  });
}

export function useSendTestWebhook() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      (
        await apiRequest(`/api/webhooks/${encodeURIComponent(id)}/test`, testWebhookResponse, {
          method: 'POST',
        })
      ).data.delivery,
    onSuccess: invalidate,
  });
}
