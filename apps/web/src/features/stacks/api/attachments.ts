import {
  attachableIntegrations,
  attachRefusedProblem,
  attachResponse,
  type AttachRequest,
  type UpdateAttachmentRequest,
} from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest, isApiError } from '../../../lib/api-client';
import { attachmentKeys } from '../../../lib/queries/attachments';
import { stackKeys, stackPath } from '../../../lib/queries/stacks';
import { environmentKeys } from './runs';

const attachmentsPath = (slug: string) => `${stackPath(slug)}/aws-integrations`;
const attachmentPath = (slug: string, integrationId: string) =>
  `${attachmentsPath(slug)}/${encodeURIComponent(integrationId)}`;

/** Integrations from the stack's space or the ancestors it inherits from; the BFF decides. */
export const attachableQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: [...stackKeys.detail(slug), 'attachable'] as const,
    queryFn: ({ signal }) =>
      apiGet(`${attachmentsPath(slug)}/available`, attachableIntegrations, signal),
    select: (data) => data.items,
  });

/** The failed check behind a 422 refusal, so the form can show its hints and fixes. */
export function refusedVerification(error: unknown) {
  if (!isApiError(error, 422)) return null;
  const parsed = attachRefusedProblem.safeParse(error.body);
  return parsed.success ? parsed.data.verification : null;
}

function useInvalidateAttachments(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      // The integration's "Used by" reads the same attachments, so refresh every copy.
      queryClient.invalidateQueries({ queryKey: attachmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: environmentKeys.ofStack(slug) }),
    ]);
}

export function useAttach(slug: string) {
  const invalidate = useInvalidateAttachments(slug);
  return useMutation({
    mutationFn: async (body: AttachRequest) =>
      (await apiRequest(attachmentsPath(slug), attachResponse, { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
}

type UpdateInput = { integrationId: string; body: UpdateAttachmentRequest };

export function useUpdateAttachment(slug: string) {
  const invalidate = useInvalidateAttachments(slug);
  return useMutation({
    mutationFn: async ({ integrationId, body }: UpdateInput) =>
      (
        await apiRequest(attachmentPath(slug, integrationId), attachResponse, {
          method: 'PATCH',
          body,
        })
      ).data,
    onSuccess: invalidate,
  });
}

export function useDetach(slug: string) {
  const invalidate = useInvalidateAttachments(slug);
  return useMutation({
    mutationFn: async (integrationId: string) => {
      await apiRequest(attachmentPath(slug, integrationId), z.undefined(), { method: 'DELETE' });
    },
    onSuccess: invalidate,
  });
}
