import { space, type CreateSpaceRequest, type UpdateSpaceRequest } from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { spacesQueryOptions } from '../../../lib/queries/spaces';
import { auditKeys } from './audit';

/** Every page's space pickers read the shared list, so each change refreshes it. */
function useRefreshSpaces() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: spacesQueryOptions().queryKey }),
      queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
    ]);
}

export function useCreateSpace() {
  const refresh = useRefreshSpaces();
  return useMutation({
    mutationFn: async (body: CreateSpaceRequest) =>
      (await apiRequest('/api/spaces', space, { method: 'POST', body })).data,
    onSuccess: refresh,
  });
}

export function useUpdateSpace() {
  const refresh = useRefreshSpaces();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateSpaceRequest }) =>
      (
        await apiRequest(`/api/spaces/${encodeURIComponent(id)}`, space, {
          method: 'PATCH',
          body,
        })
      ).data,
    onSuccess: refresh,
  });
}
