import { awsIntegration, awsIntegrationList } from '@rolebridge/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { activeRetry } from '../../../components/verification/verdict';
import { apiGet, apiRequest, withQuery } from '../../../lib/api-client';
import { toListQuery, type IntegrationFilters } from '../utils/filters';

const PAGE_SIZE = 50;
/** How often a visible list or details page reads again (TanStack pauses it in hidden tabs). */
const HEALTH_POLL_MS = 10_000;

/** Keys from general to specific; mutations invalidate through these, never a retyped array. */
export const integrationKeys = {
  all: ['integrations'] as const,
  lists: () => [...integrationKeys.all, 'list'] as const,
  list: (filters: IntegrationFilters) => [...integrationKeys.lists(), filters] as const,
  details: () => [...integrationKeys.all, 'detail'] as const,
  detail: (id: string) => [...integrationKeys.details(), id] as const,
};

export const integrationsQueryOptions = (filters: IntegrationFilters) =>
  infiniteQueryOptions({
    queryKey: integrationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/integrations/aws', {
          ...toListQuery(filters),
          limit: String(PAGE_SIZE),
          cursor: pageParam,
        }),
        awsIntegrationList,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Scheduled checks change statuses with no one asking; a visible list follows them.
    refetchInterval: HEALTH_POLL_MS,
  });

/** The integration and the ETag an update must send back in If-Match. */
export const integrationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: integrationKeys.detail(id),
    queryFn: async ({ signal }) => {
      const { data, headers } = await apiRequest(
        `/api/integrations/aws/${encodeURIComponent(id)}`,
        awsIntegration,
        { signal },
      );
      return { integration: data, etag: headers.get('ETag') };
    },
    // While the server retries a refusal in the background, follow it: the status turns
    // green by itself when AWS accepts.
    refetchInterval: (query) =>
      activeRetry(query.state.data?.integration.lastVerification ?? null) ? 1_000 : HEALTH_POLL_MS,
  });
