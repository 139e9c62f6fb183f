import {
  awsIntegration,
  createAwsIntegrationResponse,
  type CreateAwsIntegrationRequest,
  type UpdateAwsIntegrationRequest,
} from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';
import { integrationKeys } from './integrations';

const itemPath = (id: string) => `/api/integrations/aws/${encodeURIComponent(id)}`;

export function useCreateIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAwsIntegrationRequest) => {
      const { data, headers } = await apiRequest(
        '/api/integrations/aws',
        createAwsIntegrationResponse,
        {
          method: 'POST',
          body,
        },
      );
      return { ...data, etag: headers.get('ETag') };
    },
    onSuccess: async ({ integration, verification, etag }) => {
      // The response's verification is the first one; keep it even if the stored copy lags.
      const withVerification = {
        ...integration,
        lastVerification: verification ?? integration.lastVerification,
      };
      queryClient.setQueryData(integrationKeys.detail(integration.id), {
        integration: withVerification,
        etag,
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: integrationKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
      ]);
    },
  });
}

type UpdateInput = { id: string; etag: string | null; body: UpdateAwsIntegrationRequest };

export function useUpdateIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, body }: UpdateInput) => {
      const { data, headers } = await apiRequest(itemPath(id), awsIntegration, {
        method: 'PATCH',
        body,
        headers: etag ? { 'If-Match': etag } : {},
      });
      return { integration: data, etag: headers.get('ETag') };
    },
    onSuccess: async (result) => {
      queryClient.setQueryData(integrationKeys.detail(result.integration.id), result);
      await queryClient.invalidateQueries({ queryKey: integrationKeys.lists() });
    },
  });
}

export function useDeleteIntegration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest(itemPath(id), z.undefined(), { method: 'DELETE' });
      return id;
    },
    onSuccess: async (id) => {
      queryClient.removeQueries({ queryKey: integrationKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: integrationKeys.lists() });
    },
  });
}
