import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { PageSpinner, Spinner } from '../ui/spinner';

type Props = {
  /** The section's accessible name. */
  label: string;
  /** Search or filters above the rows. */
  toolbar: ReactNode;
  list: UseInfiniteQueryResult<unknown>;
  /** Rows loaded so far, over all pages. */
  count: number;
  /** Lower case, singular and plural: "1 stack shown", "Could not load stacks". */
  noun: { one: string; other: string };
  /** Shown when the search or filters match nothing. */
  noMatches: ReactNode;
  /** The table of loaded rows. */
  children: ReactNode;
  /** Rows matching over all pages, when the API counts them; `exact: false` means "at least". */
  total?: { count: number; exact: boolean };
  /** Replaces fetching the next page, e.g. to record it in the URL as well. */
  onLoadMore?: () => void;
};

/** A list page's card: loading, failure, no matches, the rows, "Load more" and refetching. */
export function PagedList({
  label,
  toolbar,
  list,
  count,
  noun,
  noMatches,
  children,
  total,
  onLoadMore,
}: Props) {
  return (
    <section className="card card-flush" aria-label={label}>
      {toolbar}
      <div className="visually-hidden" aria-live="polite">
        {list.isSuccess &&
          !list.isFetching &&
          `${count} ${count === 1 ? noun.one : noun.other} shown`}
      </div>
      {list.isPending && <PageSpinner label={`Loading ${noun.other}`} />}
      {list.isError && (
        <div className="card-body">
          <Alert
            tone="danger"
            title={`Could not load ${noun.other}`}
            actions={<Button onClick={() => void list.refetch()}>Try again</Button>}
          >
            {list.error.message}
          </Alert>
        </div>
      )}
      {list.isSuccess && count === 0 && noMatches}
      {count > 0 && (
        <div className={list.isPlaceholderData ? 'is-stale' : undefined}>{children}</div>
      )}
      {(list.hasNextPage || (total && count > 0)) && (
        <div className="table-footer">
          {total && count > 0 && (
            <p className="list-total">
              Showing {count.toLocaleString('en')} of {total.count.toLocaleString('en')}
              {total.exact ? '' : '+'} {total.count === 1 ? noun.one : noun.other}
            </p>
          )}
          {list.hasNextPage && (
            <Button
              onClick={() => (onLoadMore ? onLoadMore() : void list.fetchNextPage())}
              pending={list.isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </div>
      )}
      {list.isFetching && !list.isPending && !list.isFetchingNextPage && (
        <div className="fetching-indicator">
          <Spinner size="sm" /> Updating…
        </div>
      )}
    </section>
  );
}
