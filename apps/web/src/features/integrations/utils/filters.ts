import { label as labelSchema, spaceId as spaceIdSchema } from '@rolebridge/contracts';

/** What the list shows; it lives in the URL (`?label=a&label=b&space=root&q=x`) to be shareable. */
export type IntegrationFilters = {
  labels: string[];
  space: string | null;
  q: string;
};

export const noFilters: IntegrationFilters = { labels: [], space: null, q: '' };

/** Reads filters from the URL, dropping values the API would reject so a bad link still works. */
export function filtersFromSearchParams(params: URLSearchParams): IntegrationFilters {
  const labels = [...new Set(params.getAll('label'))].filter(
    (l) => labelSchema.safeParse(l).success,
  );
  const space = params.get('space');
  return {
    labels: labels.slice(0, 20),
    space: space !== null && spaceIdSchema.safeParse(space).success ? space : null,
    q: (params.get('q') ?? '').slice(0, 100),
  };
}

/** Writes filters into the URL, keeping any unrelated params and a stable order. */
export function applyFiltersToSearchParams(
  filters: IntegrationFilters,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ['label', 'space', 'q']) next.delete(key);
  for (const l of filters.labels) next.append('label', l);
  if (filters.space) next.set('space', filters.space);
  if (filters.q.trim()) next.set('q', filters.q.trim());
  return next;
}

export function hasActiveFilters(filters: IntegrationFilters): boolean {
  return filters.labels.length > 0 || filters.space !== null || filters.q.trim() !== '';
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
  };
}
