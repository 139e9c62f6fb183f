import {
  label as labelSchema,
  spaceId as spaceIdSchema,
  verificationStatus,
  type VerificationStatus,
} from '@rolebridge/contracts';

/**
 * What the list shows; it lives in the URL (`?label=a&label=b&space=root&q=x&status=failing`)
 * to be shareable, and so does how many pages were loaded (`&pages=3`) to survive a reload.
 */
export type IntegrationFilters = {
  labels: string[];
  space: string | null;
  q: string;
  status: VerificationStatus | null;
};

export const noFilters: IntegrationFilters = { labels: [], space: null, q: '', status: null };

/** "Load more" pages a reload brings back; capped so a hand-edited link cannot ask for 10,000. */
export const MAX_RESTORED_PAGES = 20;

/** Reads filters from the URL, dropping values the API would reject so a bad link still works. */
export function filtersFromSearchParams(params: URLSearchParams): IntegrationFilters {
  const labels = [...new Set(params.getAll('label'))].filter(
    (l) => labelSchema.safeParse(l).success,
  );
  const space = params.get('space');
  const status = verificationStatus.safeParse(params.get('status'));
  return {
    labels: labels.slice(0, 20),
    space: space !== null && spaceIdSchema.safeParse(space).success ? space : null,
    q: (params.get('q') ?? '').slice(0, 100),
    status: status.success ? status.data : null,
  };
}

/** How many pages the list had loaded, from `?pages=`; 1 when absent or nonsense. */
export function pagesFromSearchParams(params: URLSearchParams): number {
  const pages = Number(params.get('pages'));
  return Number.isInteger(pages) && pages > 1 ? Math.min(pages, MAX_RESTORED_PAGES) : 1;
}

/** Records the loaded pages in the URL (none for the first page alone). */
export function applyPagesToSearchParams(pages: number, current: URLSearchParams) {
  const next = new URLSearchParams(current);
  if (pages > 1) next.set('pages', String(pages));
  else next.delete('pages');
  return next;
}

/** Writes filters into the URL, keeping any unrelated params and a stable order; new filters start from the first page. */
export function applyFiltersToSearchParams(
  filters: IntegrationFilters,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ['label', 'space', 'q', 'status', 'pages']) next.delete(key);
  for (const l of filters.labels) next.append('label', l);
  if (filters.space) next.set('space', filters.space);
  if (filters.q.trim()) next.set('q', filters.q.trim());
  if (filters.status) next.set('status', filters.status);
  return next;
}

export function hasActiveFilters(filters: IntegrationFilters): boolean {
  return (
    filters.labels.length > 0 ||
    filters.space !== null ||
    filters.q.trim() !== '' ||
    filters.status !== null
  );
}

export function addLabel(filters: IntegrationFilters, label: string): IntegrationFilters {
  return filters.labels.includes(label)
    ? filters
    : { ...filters, labels: [...filters.labels, label] };
}

export function removeLabel(filters: IntegrationFilters, label: string): IntegrationFilters {
  return { ...filters, labels: filters.labels.filter((l) => l !== label) };
}

/** The query the list endpoint expects; `q` is trimmed so "prod " and "prod" share a cache entry. */
export function toListQuery(filters: IntegrationFilters) {
  return {
    label: filters.labels,
    space: filters.space ?? undefined,
    q: filters.q.trim() || undefined,
    status: filters.status ?? undefined,
  };
}
