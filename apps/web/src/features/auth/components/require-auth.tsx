import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageSpinner } from '../../../components/ui/spinner';
import { sessionQueryOptions } from '../../../lib/queries/session';
import { loginHref } from '../utils/redirect';

/** Renders its children for a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());

  if (session.isPending) return <PageSpinner label="Checking your session" />;
  if (session.isError) {
    return (
      <main className="centered-page">
        <Alert
          tone="danger"
          title="Rolebridge is not reachable"
          actions={<Button onClick={() => void session.refetch()}>Try again</Button>}
        >
          {session.error.message}
        </Alert>
      </main>
    );
  }
  if (session.data === null) return <Navigate to={loginHref(location)} replace />;
  return children;
}
