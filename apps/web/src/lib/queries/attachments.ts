import { attachmentList } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api-client';

/**
 * Shared because one attachment shows on two pages: the stack's Integrations tab and the
 * integration's "Used by". Attaching, detaching or relabelling either side invalidates
 * `attachmentKeys.all`, so both pages agree without the features importing each other.
 */
export const attachmentKeys = {
  all: ['attachments'] as const,
  ofStack: (slug: string) => [...attachmentKeys.all, 'stack', slug] as const,
  ofIntegration: (id: string) => [...attachmentKeys.all, 'integration', id] as const,
};

export const stackAttachmentsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: attachmentKeys.ofStack(slug),
    queryFn: ({ signal }) =>
      apiGet(`/api/stacks/${encodeURIComponent(slug)}/aws-integrations`, attachmentList, signal),
  });

export const integrationAttachmentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: attachmentKeys.ofIntegration(id),
    queryFn: ({ signal }) =>
      apiGet(`/api/integrations/aws/${encodeURIComponent(id)}/attachments`, attachmentList, signal),
  });
