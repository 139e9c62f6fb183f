import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { PagedList } from '../../../components/pages/paged-list';
import { Button, ButtonLink } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { spacesQueryOptions } from '../../../lib/queries/spaces';
import { integrationsQueryOptions } from '../api/integrations';
import { IntegrationFiltersBar } from '../components/integration-filters';
import { IntegrationsTable } from '../components/integrations-table';
import {
  addLabel,
  applyFiltersToSearchParams,
  applyPagesToSearchParams,
  filtersFromSearchParams,
  hasActiveFilters,
  noFilters,
  pagesFromSearchParams,
  removeLabel,
  type IntegrationFilters,
} from '../utils/filters';

export function IntegrationsListRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const filtered = hasActiveFilters(filters);
  const spaces = useQuery(spacesQueryOptions());
  const canSetUp = useAccess().canAnywhere('admin');
  const list = useInfiniteQuery({
    ...integrationsQueryOptions(filters),
    placeholderData: keepPreviousData,
  });

  const setFilters = (next: IntegrationFilters, options?: { replace?: boolean }) =>
    setSearchParams(applyFiltersToSearchParams(next, searchParams), options);
  const toggleLabel = (label: string) =>
    setFilters(
      filters.labels.includes(label) ? removeLabel(filters, label) : addLabel(filters, label),
    );

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const nothingAtAll = list.isSuccess && items.length === 0 && !filtered && !list.isPlaceholderData;
  const first = list.data?.pages[0];

  // "Load more" is in the URL (?pages=3): after a reload, fetch pages until as many are back.
  const wantedPages = pagesFromSearchParams(searchParams);
  const loadedPages = list.isPlaceholderData ? 0 : (list.data?.pages.length ?? 0);
  const { hasNextPage, isFetching, fetchNextPage } = list;
  useEffect(() => {
    if (loadedPages > 0 && loadedPages < wantedPages && hasNextPage && !isFetching)
      void fetchNextPage();
  }, [loadedPages, wantedPages, hasNextPage, isFetching, fetchNextPage]);
  const loadMore = () => {
    setSearchParams(applyPagesToSearchParams(loadedPages + 1, searchParams), { replace: true });
    void fetchNextPage();
  };

  return (
    <>
      <PageHeader
        eyebrow="Cloud integrations"
        title="AWS integrations"
        description="IAM roles that stacks assume for each run, with temporary credentials instead of stored keys."
        actions={
          canSetUp &&
          !nothingAtAll && (
            <ButtonLink to={paths.newAwsIntegration} variant="primary">
              Set up integration
            </ButtonLink>
          )
        }
      />
      {nothingAtAll ? (
        <EmptyState
          title="No cloud integrations yet"
          icon="☁"
          actions={
            canSetUp && (
              <ButtonLink to={paths.newAwsIntegration} variant="primary">
                Set up integration
              </ButtonLink>
            )
          }
        >
          {canSetUp
            ? 'Connect an AWS IAM role so your stacks get short-lived credentials on every run.'
            : 'An admin connects AWS IAM roles here; stacks then get short-lived credentials on every run.'}
        </EmptyState>
      ) : (
        <PagedList
          label="Integrations"
          toolbar={<IntegrationFiltersBar filters={filters} onChange={setFilters} />}
          list={list}
          count={items.length}
          noun={{ one: 'integration', other: 'integrations' }}
          {...(first && { total: { count: first.total, exact: first.totalExact } })}
          onLoadMore={loadMore}
          noMatches={
            <EmptyState
              title="No integrations match these filters"
              actions={<Button onClick={() => setFilters(noFilters)}>Clear filters</Button>}
            >
              Try fewer labels, another space or a shorter search.
            </EmptyState>
          }
        >
          <IntegrationsTable
            integrations={items}
            spaces={spaces.data}
            activeLabels={filters.labels}
            onLabelClick={toggleLabel}
          />
        </PagedList>
      )}
    </>
  );
}
