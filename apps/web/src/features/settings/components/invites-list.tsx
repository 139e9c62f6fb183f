import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { formatDateTime } from '../../../lib/format';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';
import { invitesQueryOptions, useRevokeInvite } from '../api/team';

export function InvitesList() {
  const invites = useQuery(invitesQueryOptions());
  const spaces = useQuery(spacesQueryOptions());
  const revoke = useRevokeInvite();
  if (invites.isPending) return <Spinner label="Loading invites" />;
  if (invites.isError) {
    return (
      <Alert tone="danger" title="Could not load invites">
        {invites.error.message}
      </Alert>
    );
  }
  const pending = invites.data.filter((i) => i.acceptedAt === null);
  if (pending.length === 0) return <p className="muted">No pending invites.</p>;
  return (
    <>
      {revoke.isError && <Alert tone="danger">{revoke.error.message}</Alert>}
      <ul className="invite-list">
        {pending.map((invite) => (
          <li key={invite.id} className="invite-row">
            <div>
              <p className="invite-email">{invite.email}</p>
              <p className="muted">
                <Badge>{invite.role}</Badge> in {spaceName(spaces.data, invite.spaceId)} · expires{' '}
                <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt)}</time>
              </p>
            </div>
            <Button
              size="sm"
              variant="danger"
              aria-label={`Revoke invite for ${invite.email}`}
              pending={revoke.isPending && revoke.variables === invite.id}
              onClick={() => revoke.mutate(invite.id)}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {revoke.isSuccess && 'Invite revoked.'}
      </p>
    </>
  );
}
