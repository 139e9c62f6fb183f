import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { CopyButton } from '../../../components/ui/copy-button';
import { PageHeader } from '../../../components/ui/page-header';
import { PageSpinner } from '../../../components/ui/spinner';
import { accountQueryOptions } from '../../../lib/queries/account';

export function SettingsRoute() {
  const account = useQuery(accountQueryOptions());
  return (
    <>
      <PageHeader
        title="Settings"
        description="Users, API tokens and the audit log arrive in a later release."
      />
      {account.isPending && <PageSpinner label="Loading account" />}
      {account.isError && (
        <Alert tone="danger" title="Could not load the account">
          {account.error.message}
        </Alert>
      )}
      {account.data && (
        <Card title="Account" id="account">
          <dl className="details">
            <div>
              <dt>Account name</dt>
              <dd>
                <code className="mono">{account.data.name}</code>
              </dd>
            </div>
            <div>
              <dt>AWS mode</dt>
              <dd>
                {account.data.mode === 'sandbox' ? (
                  <Badge tone="warning">Sandbox</Badge>
                ) : (
                  <Badge tone="info">AWS</Badge>
                )}
              </dd>
            </div>
            <div className="details-wide">
              <dt>Platform identity</dt>
              <dd className="with-copy">
                {account.data.platformPrincipal ? (
                  <>
                    <code className="mono break">{account.data.platformPrincipal.arn}</code>
                    <CopyButton
                      value={account.data.platformPrincipal.arn}
                      label="Copy platform identity ARN"
                    />
                  </>
                ) : (
                  <span className="muted">Not known yet: STS has not answered.</span>
                )}
              </dd>
            </div>
          </dl>
        </Card>
      )}
    </>
  );
}
