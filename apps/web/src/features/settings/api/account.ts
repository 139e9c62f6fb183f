import { account, type updateAccountRequest } from '@rolebridge/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { accountQueryOptions } from '../../../lib/queries/account';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';

export function useRenameAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.input<typeof updateAccountRequest>) =>
      (await apiRequest('/api/account', account, { method: 'PATCH', body })).data,
    onSuccess: async (data) => {
      queryClient.setQueryData(accountQueryOptions().queryKey, data);
      // Naming the account is LaunchPad step 1; generated policies now carry the new name.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: launchpadQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: ['trust-policy'] }),
      ]);
    },
  });
}
