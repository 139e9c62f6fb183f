import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';
import { usersQueryOptions } from '../api/team';
import { AdminOnlyNote } from './admin-only-note';

export function UsersList() {
  const users = useQuery(usersQueryOptions());
  const spaces = useQuery(spacesQueryOptions());
  if (users.isPending) return <Spinner label="Loading users" />;
  if (isApiError(users.error, 403)) return <AdminOnlyNote what="the list of users" />;
  if (users.isError) {
    return (
      <Alert tone="danger" title="Could not load users">
        {users.error.message}
      </Alert>
    );
  }
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Users table">
      <table className="table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Access</th>
            <th scope="col">Joined</th>
          </tr>
        </thead>
        <tbody>
          {users.data.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>
                <span className="chip-list">
                  {u.memberships.map((m) => (
                    <Badge key={m.spaceId} tone={m.role === 'admin' ? 'info' : 'neutral'}>
                      {m.role} in {spaceName(spaces.data, m.spaceId)}
                    </Badge>
                  ))}
                </span>
              </td>
              <td>
                <time dateTime={u.createdAt}>{formatDateTime(u.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
