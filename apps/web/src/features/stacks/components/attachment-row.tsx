import type { Attachment, Phase } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { paths } from '../../../config/paths';

type Props = {
  attachment: Attachment;
  spaceName: string;
  /** The `autoattach:<x>` label behind an auto-attachment, when the integration is visible. */
  autoLabel: string | null;
  canManage: boolean;
  pending: boolean;
  onToggle: (phase: Phase, enabled: boolean) => void;
  onDetach: () => void;
};

const PHASES = [
  { phase: 'read', label: 'Read' },
  { phase: 'write', label: 'Write' },
] as const;

export function AttachmentRow({
  attachment: a,
  spaceName,
  autoLabel,
  canManage,
  pending,
  ...on
}: Props) {
  const auto = a.isAutoattached;
  return (
    <tr>
      <th scope="row" className="cell-name">
        <Link to={paths.awsIntegration(a.integrationId)}>{a.integrationName}</Link>
        {auto && (
          <p className="cell-note">
            <Badge tone="info">Auto-attached</Badge>{' '}
            <span className="muted">
              From the label <code className="mono">{autoLabel ?? 'autoattach:<label>'}</code> on
              the integration. Remove that label, or this stack’s matching label, to detach it.
            </span>
          </p>
        )}
      </th>
      <td className="col-optional">{spaceName}</td>
      {PHASES.map(({ phase, label }) => (
        <td key={phase} className="cell-toggle">
          <input
            type="checkbox"
            className="checkbox"
            aria-label={`${label} for ${a.integrationName}`}
            checked={a[phase]}
            // Auto-attachments are always read+write; they change through labels only.
            disabled={!canManage || auto || pending}
            onChange={(event) => on.onToggle(phase, event.target.checked)}
          />
        </td>
      ))}
      <td className="cell-actions">
        {canManage && !auto && (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Detach ${a.integrationName}`}
            onClick={on.onDetach}
            disabled={pending}
          >
            Detach
          </Button>
        )}
      </td>
    </tr>
  );
}
