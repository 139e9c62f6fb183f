import { createSandboxRoleResponse, type createSandboxRoleRequest } from '@rolebridge/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** Sandbox mode only: creates the role in the sandbox's customer account. */
export function useCreateSandboxRole() {
  return useMutation({
    mutationFn: async (body: z.input<typeof createSandboxRoleRequest>) =>
      (
        await apiRequest('/api/sandbox/roles', createSandboxRoleResponse, {
          method: 'POST',
          body,
        })
      ).data,
  });
}
