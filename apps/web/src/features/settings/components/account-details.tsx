import type { Account } from '@rolebridge/contracts';
import { Badge } from '../../../components/ui/badge';
import { CopyButton } from '../../../components/ui/copy-button';

/** `showName` for readers, who see the name here instead of in the rename form. */
export function AccountDetails({ account, showName }: { account: Account; showName: boolean }) {
  return (
    <dl className="details">
      {showName && (
        <div>
          <dt>Account name</dt>
          <dd>
            <code className="mono">{account.name}</code>
          </dd>
        </div>
      )}
      <div>
        <dt>AWS mode</dt>
        <dd>
          {account.mode === 'sandbox' ? (
            <Badge tone="warning">Sandbox</Badge>
          ) : (
            <Badge tone="info">AWS</Badge>
          )}
        </dd>
      </div>
      <div className="details-wide">
        <dt>Platform identity</dt>
        <dd className="with-copy">
          {account.platformPrincipal ? (
            <>
              <code className="mono break">{account.platformPrincipal.arn}</code>
              <CopyButton
                value={account.platformPrincipal.arn}
                label="Copy platform identity ARN"
              />
            </>
          ) : (
            <span className="muted">Not known yet: STS has not answered.</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
