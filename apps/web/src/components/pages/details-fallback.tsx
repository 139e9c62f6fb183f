import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-client';
import { Alert } from '../ui/alert';
import { Button, ButtonLink } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { PageSpinner } from '../ui/spinner';

type Props = {
  /** A query that has not succeeded: still loading, or failed. */
  query: UseQueryResult<unknown>;
  /** Lower case, as in "Could not load the stack". */
  noun: string;
  back: { to: string; label: string };
};

/**
 * What a details page shows until its record is there. Render it while `!query.isSuccess`,
 * so the rest of the page works with the data narrowed.
 */
export function DetailsFallback({ query, noun, back }: Props) {
  if (!query.isError) return <PageSpinner label={`Loading ${noun}`} />;
  if (isApiError(query.error, 404)) {
    return (
      <EmptyState
        title={`${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`}
        actions={<ButtonLink to={back.to}>{back.label}</ButtonLink>}
      >
        It may have been deleted, or the link is wrong.
      </EmptyState>
    );
  }
  return (
    <Alert
      tone="danger"
      title={`Could not load the ${noun}`}
      actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
    >
      {query.error.message}
    </Alert>
  );
}
