import type { AwsIntegration } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Chip } from '../../../components/ui/chip';
import { CopyButton } from '../../../components/ui/copy-button';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function IntegrationOverview({ integration }: { integration: AwsIntegration }) {
  const spaces = useQuery(spacesQueryOptions());
  return (
    <dl className="details">
      <div>
        <dt>Name</dt>
        <dd>{integration.name}</dd>
      </div>
      <div>
        <dt>Space</dt>
        <dd>{spaceName(spaces.data, integration.spaceId)}</dd>
      </div>
      <div>
        <dt>Region</dt>
        <dd>{integration.region ?? <span className="muted">Global STS endpoint</span>}</dd>
      </div>
      <div className="details-wide">
        <dt>Role ARN</dt>
        <dd className="with-copy">
          <code className="mono break">{integration.roleArn}</code>
          <CopyButton value={integration.roleArn} label="Copy role ARN" />
        </dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>
          {formatDuration(integration.durationSeconds)}{' '}
          <span className="muted">({integration.durationSeconds} s)</span>
        </dd>
      </div>
      <div>
        <dt>Assume role on worker</dt>
        <dd>{yesNo(integration.assumeRoleOnWorker)}</dd>
      </div>
      {integration.assumeRoleOnWorker && (
        <div>
          <dt>External ID</dt>
          <dd>
            {integration.externalId ?? <span className="muted">Generated per stack and phase</span>}
          </dd>
        </div>
      )}
      <div>
        <dt>Auto-attach</dt>
        <dd>{integration.autoattachEnabled ? 'Enabled' : 'Disabled'}</dd>
      </div>
      <div className="details-wide">
        <dt>Labels</dt>
        <dd>
          {integration.labels.length === 0 ? (
            <span className="muted">No labels</span>
          ) : (
            <span className="chip-list">
              {integration.labels.map((l) => (
                <Chip key={l}>{l}</Chip>
              ))}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={integration.createdAt}>{formatDateTime(integration.createdAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          <time dateTime={integration.updatedAt}>{formatDateTime(integration.updatedAt)}</time>
        </dd>
      </div>
    </dl>
  );
}
