import type { ApiToken } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { formatDateTime } from '../../../lib/format';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';
import { useRevokeToken } from '../api/tokens';
import { explainRole } from './token-roles';

function When({ iso, none }: { iso: string | null | undefined; none: string }) {
  if (!iso) return <span className="muted">{none}</span>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

type Props = {
  tokens: readonly ApiToken[];
  /** When the list was fetched (ms): expiry is judged then, so renders stay pure. */
  asOf: number;
};

export function TokensTable({ tokens, asOf }: Props) {
  const spaces = useQuery(spacesQueryOptions());
  const revoke = useRevokeToken();
  const [target, setTarget] = useState<ApiToken | null>(null);

  const close = () => {
    setTarget(null);
    revoke.reset();
  };

  return (
    <>
      <div className="table-wrap">
        <table className="table table-cards tokens-table">
          <caption className="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Space</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const expired = t.expiresAt ? Date.parse(t.expiresAt) <= asOf : false;
              return (
                <tr key={t.id}>
                  <td className="cell-name">{t.name}</td>
                  <td data-label="Role" title={explainRole(t.role)}>
                    <Badge tone={t.role === 'admin' ? 'info' : 'neutral'}>{t.role}</Badge>
                  </td>
                  <td data-label="Space">{spaceName(spaces.data, t.spaceId)}</td>
                  <td data-label="Created">
                    <When iso={t.createdAt} none="" />
                  </td>
                  <td data-label="Last used">
                    <When iso={t.lastUsedAt} none="Never" />
                  </td>
                  <td data-label="Expires">
                    {expired ? (
                      <Badge tone="danger">Expired</Badge>
                    ) : (
                      <When iso={t.expiresAt} none="Never" />
                    )}
                  </td>
                  <td className="cell-actions">
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={`Revoke token ${t.name}`}
                      onClick={() => setTarget(t)}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={target !== null}
        title={`Revoke token ${target?.name ?? ''}?`}
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.isError ? revoke.error.message : null}
        onCancel={close}
        onConfirm={() => {
          if (target) revoke.mutate(target.id, { onSuccess: () => setTarget(null) });
        }}
      >
        <p>
          Anything that uses it stops working at once: its requests are refused with 401. This
          cannot be undone.
        </p>
      </ConfirmDialog>
      <p className="visually-hidden" aria-live="polite">
        {revoke.isSuccess && 'Token revoked.'}
      </p>
    </>
  );
}
