import { stack, stackList } from '@rolebridge/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, withQuery } from '../api-client';

const PAGE_SIZE = 50;

export type StackFilters = { q: string };

// Shared: the stacks pages use these, and so does Settings to fill in a worker's command.
/** Keys from general to specific; mutations invalidate through these, never a retyped array. */
export const stackKeys = {
  all: ['stacks'] as const,
  lists: () => [...stackKeys.all, 'list'] as const,
  list: (filters: StackFilters) => [...stackKeys.lists(), filters] as const,
  details: () => [...stackKeys.all, 'detail'] as const,
  detail: (slug: string) => [...stackKeys.details(), slug] as const,
};

export const stackPath = (slug: string) => `/api/stacks/${encodeURIComponent(slug)}`;

export const stacksQueryOptions = (filters: StackFilters) =>
  infiniteQueryOptions({
    queryKey: stackKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/stacks', {
          q: filters.q.trim(),
          limit: String(PAGE_SIZE),
          cursor: pageParam,
        }),
        stackList,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/** The stack and the ETag an update sends back in If-Match, so edits never overwrite blindly. */
export const stackQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: stackKeys.detail(slug),
    queryFn: async ({ signal }) => {
      const { data, headers } = await apiRequest(stackPath(slug), stack, { signal });
      return { stack: data, etag: headers.get('ETag') };
    },
  });
