import type { AwsIntegration, Space } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { ChipButton } from '../../../components/ui/chip';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { spaceName } from '../../../lib/queries/spaces';
import { StatusBadge } from './status-badge';

type Props = {
  integrations: AwsIntegration[];
  spaces: Space[] | undefined;
  activeLabels: string[];
  onLabelClick: (label: string) => void;
};

// On a phone the table keeps Name and Status; the other columns are one tap away, on the details page.
export function IntegrationsTable({ integrations, spaces, activeLabels, onLabelClick }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">AWS integrations</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="col-optional">
              Space
            </th>
            <th scope="col" className="col-optional">
              Role ARN
            </th>
            <th scope="col" className="col-optional">
              Labels
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {integrations.map((integration) => (
            <tr key={integration.id}>
              <th scope="row" className="cell-name">
                <Link to={paths.awsIntegration(integration.id)}>{integration.name}</Link>
              </th>
              <td className="col-optional">{spaceName(spaces, integration.spaceId)}</td>
              <td className="col-optional">
                <code className="mono truncate" title={integration.roleArn}>
                  {integration.roleArn}
                </code>
              </td>
              <td className="col-optional">
                <div className="chip-list">
                  {integration.labels.length === 0 && <span className="muted">—</span>}
                  {integration.labels.map((l) => (
                    <ChipButton
                      key={l}
                      aria-label={`Filter by label ${l}`}
                      aria-pressed={activeLabels.includes(l)}
                      onClick={() => onLabelClick(l)}
                    >
                      {l}
                    </ChipButton>
                  ))}
                </div>
              </td>
              <td>
                <StatusBadge integration={integration} />
                {integration.health.state === 'failing' && integration.health.failingSince && (
                  <div className="failing-since">
                    since{' '}
                    <time dateTime={integration.health.failingSince}>
                      {formatDateTime(integration.health.failingSince)}
                    </time>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
