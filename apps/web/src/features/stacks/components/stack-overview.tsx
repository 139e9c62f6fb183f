import type { Stack } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Chip } from '../../../components/ui/chip';
import { CopyButton } from '../../../components/ui/copy-button';
import { formatDateTime } from '../../../lib/format';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';

export function StackOverview({ stack }: { stack: Stack }) {
  const spaces = useQuery(spacesQueryOptions());
  return (
    <dl className="details">
      <div>
        <dt>Slug</dt>
        <dd className="with-copy">
          <code className="mono break">{stack.slug}</code>
          <CopyButton value={stack.slug} label="Copy slug" />
        </dd>
      </div>
      <div>
        <dt>Space</dt>
        <dd>{spaceName(spaces.data, stack.spaceId)}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={stack.createdAt}>{formatDateTime(stack.createdAt)}</time>
        </dd>
      </div>
      <div className="details-wide">
        <dt>Labels</dt>
        <dd>
          {stack.labels.length === 0 ? (
            <span className="muted">No labels</span>
          ) : (
            <span className="chip-list">
              {stack.labels.map((l) => (
                <Chip key={l}>{l}</Chip>
              ))}
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}
