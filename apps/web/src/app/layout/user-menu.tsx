import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui/button';
import { paths } from '../../config/paths';
import { useLogout } from '../../features/auth/api/session';
import { sessionQueryOptions } from '../../lib/queries/session';

export function UserMenu() {
  const session = useQuery(sessionQueryOptions());
  const logout = useLogout();
  const navigate = useNavigate();
  if (!session.data) return null;
  return (
    <div className="user-menu">
      <span className="avatar" aria-hidden="true">
        {session.data.email.slice(0, 1).toUpperCase()}
      </span>
      <span className="user-email">{session.data.email}</span>
      <span className="user-role">{session.data.role}</span>
      <Button
        size="sm"
        variant="ghost"
        pending={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => void navigate(paths.login, { replace: true }),
          })
        }
      >
        Log out
      </Button>
    </div>
  );
}
