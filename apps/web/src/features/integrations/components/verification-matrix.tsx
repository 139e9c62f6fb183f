import type { AwsIntegration } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { integrationAttachmentsQueryOptions } from '../../../lib/queries/attachments';
import { byCell, type ResultsByCell } from '../utils/verification-cells';
import { MatrixRow } from './matrix-row';

/**
 * Stack × read/write for every stack that uses the integration. A per-stack re-check
 * replaces the stored last verification on the server, so results seen earlier are kept
 * here and the newest answer for each cell wins.
 */
type Props = { integration: AwsIntegration; canVerify: boolean };

export function VerificationMatrix({ integration, canVerify }: Props) {
  const used = useQuery(integrationAttachmentsQueryOptions(integration.id));
  const last = integration.lastVerification;
  const [known, setKnown] = useState<ResultsByCell>(() => byCell(last?.results ?? []));
  const [lastSeen, setLastSeen] = useState(last);
  if (last !== lastSeen) {
    setLastSeen(last);
    setKnown((k) => ({ ...k, ...byCell(last?.results ?? []) }));
  }

  if (used.isError)
    return (
      <Alert tone="danger" title="Could not load the stacks to check">
        {used.error.message}
      </Alert>
    );
  const items = used.data?.items ?? [];
  if (used.isSuccess && items.length === 0)
    return (
      <p className="muted">
        No stack uses this integration yet. Once one does, each stack’s read and write checks show
        here.
      </p>
    );

  return (
    <div className="table-wrap">
      <table className="table table-plain table-matrix">
        <caption className="visually-hidden">Verification per stack and phase</caption>
        <thead>
          <tr>
            <th scope="col">Stack</th>
            <th scope="col">Read (plan)</th>
            <th scope="col">Write (apply)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <MatrixRow
              key={a.stackSlug}
              integrationId={integration.id}
              attachment={a}
              known={known}
              canVerify={canVerify}
              onChecked={(results) => setKnown((k) => ({ ...k, ...byCell(results) }))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
