import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { invitePreviewQueryOptions } from '../api/invite';
import { AcceptInviteForm } from '../components/accept-invite-form';

export function AcceptInviteRoute() {
  const { token: legacy } = useParams();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const token = legacy ?? decodeURIComponent(hash.slice(1));
  // An old /invite/<token> link: take the token out of the path before anything else loads.
  useEffect(() => {
    if (legacy) void navigate(`${paths.acceptInvite}#${legacy}`, { replace: true });
  }, [legacy, navigate]);
  const preview = useQuery({ ...invitePreviewQueryOptions(token), enabled: token.length > 0 });

  return (
    <main className="login-page">
      <title>Accept invite · Rolebridge</title>
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Rolebridge</span>
        </div>
        <h1 className="login-title">Join your team on Rolebridge</h1>
        {!token && (
          <Alert tone="danger" title="This invite link is incomplete">
            <p>Open the whole link the admin sent you, including the part after #.</p>
          </Alert>
        )}
        {token && preview.isPending && <PageSpinner label="Loading the invite" />}
        {preview.isError && (
          <Alert tone="danger" title="This invite cannot be used">
            <p>{preview.error.message}</p>
            <p>
              Ask the admin who invited you for a new link, or <Link to={paths.login}>log in</Link>.
            </p>
          </Alert>
        )}
        {preview.data && (
          <>
            <dl className="details invite-preview">
              <div>
                <dt>Email</dt>
                <dd>{preview.data.email}</dd>
              </div>
              <div>
                <dt>Account</dt>
                <dd>{preview.data.accountName}</dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd>{preview.data.role}</dd>
              </div>
              <div>
                <dt>Space</dt>
                <dd>{preview.data.spaceName}</dd>
              </div>
            </dl>
            <p className="muted">
              Choose a password to accept. The link expires {formatDateTime(preview.data.expiresAt)}
              .
            </p>
            <AcceptInviteForm
              token={token}
              onAccepted={() => void navigate(paths.home, { replace: true })}
            />
          </>
        )}
      </div>
    </main>
  );
}
