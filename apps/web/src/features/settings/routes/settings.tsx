import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { PageSpinner } from '../../../components/ui/spinner';
import { accountQueryOptions } from '../../../lib/queries/account';
import { sessionQueryOptions } from '../../../lib/queries/session';
import { AdminOnlyNote } from '../components/admin-only-note';
import { AccountDetails } from '../components/account-details';
import { AccountNameForm } from '../components/account-name-form';
import { AuditSection } from '../components/audit-section';
import { InviteForm } from '../components/invite-form';
import { InvitesList } from '../components/invites-list';
import { SpacesSection } from '../components/spaces-section';
import { TokensSection } from '../components/tokens-section';
import { UsersList } from '../components/users-list';
import { WebhooksSection } from '../components/webhooks-section';
import { useAccess } from '../../../lib/access/use-access';

export function SettingsRoute() {
  const account = useQuery(accountQueryOptions());
  // The server enforces roles; this only spares non-admins forms they could not submit.
  const isAdmin = useQuery(sessionQueryOptions()).data?.role === 'admin';
  // Webhooks are account-wide: root admins manage them, and nobody else sees the section.
  const isRootAdmin = useAccess().can('admin', 'root');
  return (
    <>
      <PageHeader
        title="Settings"
        description="The account, its spaces, users and teammate invites, API tokens for scripts and workers, webhooks, and the audit log."
      />
      {account.isPending && <PageSpinner label="Loading account" />}
      {account.isError && (
        <Alert tone="danger" title="Could not load the account">
          {account.error.message}
        </Alert>
      )}
      {account.data && (
        <div className="stack-lg">
          <Card title="Account" id="account">
            <div className="stack-lg">
              {/* Keyed by name so a rename elsewhere resets the form's default. */}
              {isAdmin && <AccountNameForm key={account.data.name} name={account.data.name} />}
              <AccountDetails account={account.data} showName={!isAdmin} />
            </div>
          </Card>
          <SpacesSection />
          <Card title="Users" id="users">
            <UsersList />
          </Card>
          <Card title="Invite teammate" id="invite">
            {isAdmin ? (
              <div className="stack-lg">
                <InviteForm />
                <div className="stack-md">
                  <h3 className="section-title">Pending invites</h3>
                  <InvitesList />
                </div>
              </div>
            ) : (
              <AdminOnlyNote what="invites" />
            )}
          </Card>
          <TokensSection />
          {isRootAdmin && <WebhooksSection />}
          <AuditSection />
        </div>
      )}
    </>
  );
}
