import type { Attachment, Phase, VerificationResult } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import {
  shownBefore,
  VerificationResultItem,
} from '../../../components/verification/verification-result-item';
import { paths } from '../../../config/paths';
import { useVerifyIntegration } from '../api/verify';
import { cellKey, type ResultsByCell } from '../utils/verification-cells';

type Props = {
  integrationId: string;
  attachment: Attachment;
  known: ResultsByCell;
  onChecked: (results: VerificationResult[]) => void;
  canVerify: boolean;
};

const PHASES: Phase[] = ['read', 'write'];

function Cell({ used, result }: { used: boolean; result: VerificationResult | undefined }) {
  if (!used) return <span className="muted">Not used</span>;
  if (!result) return <Badge>Not checked</Badge>;
  return result.ok ? (
    <Badge tone="success">OK</Badge>
  ) : (
    <Badge tone="danger">{result.error?.code ?? 'Failed'}</Badge>
  );
}

/** One stack: a cell per phase and a re-check for the phases it uses. */
export function MatrixRow({ integrationId, attachment: a, known, onChecked, canVerify }: Props) {
  const verify = useVerifyIntegration(integrationId);
  const phases = PHASES.filter((p) => a[p]);
  const results = PHASES.map((p) => known[cellKey(a.stackSlug, p)]);
  const failed = results.filter((r): r is VerificationResult => r !== undefined && !r.ok);
  const recheck = () =>
    verify.mutate({ stack: a.stackSlug, phases }, { onSuccess: (v) => onChecked(v.results) });

  return (
    <>
      <tr>
        <th scope="row" className="cell-name">
          <Link to={paths.stack(a.stackSlug)}>{a.stackName}</Link>
        </th>
        {PHASES.map((p, i) => (
          <td key={p}>
            <Cell used={a[p]} result={results[i]} />
          </td>
        ))}
        <td className="cell-actions">
          {canVerify && (
            <Button
              size="sm"
              pending={verify.isPending}
              aria-label={`Re-check ${a.stackName}`}
              onClick={recheck}
            >
              Re-check
            </Button>
          )}
        </td>
      </tr>
      {(failed.length > 0 || verify.isError) && (
        <tr className="row-detail">
          <td colSpan={4}>
            {verify.isError && <p className="field-error">{verify.error.message}</p>}
            <ul className="results">
              {failed.map((r, i) => (
                <VerificationResultItem
                  key={r.phase}
                  result={r}
                  shownAbove={shownBefore(failed, i)}
                />
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}
