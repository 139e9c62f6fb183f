import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';

/** Last line of defence: a render error or a failed chunk load (often after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div className="route-error">
      <Alert
        tone="danger"
        title="Something went wrong on this page"
        actions={<Button onClick={() => window.location.reload()}>Reload</Button>}
      >
        <p>{message}</p>
        <p className="muted">
          Reloading usually helps. If it keeps happening, tell your administrator.
        </p>
      </Alert>
    </div>
  );
}
