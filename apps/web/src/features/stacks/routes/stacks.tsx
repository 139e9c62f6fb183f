import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PagedList } from '../../../components/pages/paged-list';
import { Button, ButtonLink } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SearchBox } from '../../../components/ui/search-box';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { spacesQueryOptions } from '../../../lib/queries/spaces';
import { stacksQueryOptions } from '../../../lib/queries/stacks';
import { StacksTable } from '../components/stacks-table';

export function StacksRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const spaces = useQuery(spacesQueryOptions());
  const canCreate = useAccess().canAnywhere('admin');
  const list = useInfiniteQuery({
    ...stacksQueryOptions({ q }),
    placeholderData: keepPreviousData,
  });
  const setQ = (next: string) => setSearchParams(next ? { q: next } : {}, { replace: true });

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const nothingAtAll = list.isSuccess && items.length === 0 && !q && !list.isPlaceholderData;
  const create = canCreate && (
    <ButtonLink to={paths.newStack} variant="primary">
      Create stack
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        title="Stacks"
        description="Units of infrastructure code. Each run of a stack gets temporary AWS credentials from its attached integrations."
        actions={!nothingAtAll && create}
      />
      {nothingAtAll ? (
        <EmptyState title="No stacks yet" icon="▤" actions={create}>
          Create a stack, then attach an AWS integration so its plans and applies get short-lived
          credentials.
        </EmptyState>
      ) : (
        <PagedList
          label="Stacks"
          toolbar={
            <div className="filters">
              <SearchBox value={q} onChange={setQ} label="Search stacks" />
            </div>
          }
          list={list}
          count={items.length}
          noun={{ one: 'stack', other: 'stacks' }}
          noMatches={
            <EmptyState
              title="No stacks match this search"
              actions={<Button onClick={() => setQ('')}>Clear search</Button>}
            >
              Try a shorter search, or part of the slug.
            </EmptyState>
          }
        >
          <StacksTable stacks={items} spaces={spaces.data} />
        </PagedList>
      )}
    </>
  );
}
