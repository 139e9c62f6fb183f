import { verification, type VerifyRequest } from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';
import { integrationKeys } from './integrations';

export function useVerifyIntegration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: VerifyRequest) =>
      (
        await apiRequest(`/api/integrations/aws/${encodeURIComponent(id)}/verify`, verification, {
          method: 'POST',
          body,
        })
      ).data,
    // The stored lastVerification (and the list's status column) changed on the server. The
    // mutation stays pending until the integration is read again, so every badge and heading
    // shows the new verdict from the same value at the same moment.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: integrationKeys.all }),
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
      ]),
  });
}
