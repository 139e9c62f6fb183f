import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { PageSpinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { invitePreviewQueryOptions } from '../api/invite';
import { AcceptInviteForm } from '../components/accept-invite-form';

export function AcceptInviteRoute() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const preview = useQuery(invitePreviewQueryOptions(token));

  return (
    <main className="login-page">
      <title>Accept invite · Rolebridge</title>
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Rolebridge</span>
        </div>
        <h1 className="login-title">Join your team on Rolebridge</h1>
        {preview.isPending && <PageSpinner label="Loading the invite" />}
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
