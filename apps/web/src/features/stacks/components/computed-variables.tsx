import type { StackEnvironment } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';

type Item = StackEnvironment['items'][number];

const phaseNames = { read: 'Read (plan)', write: 'Write (apply)' } as const;

export function ComputedVariables({ items }: { items: Item[] }) {
  if (items.length === 0)
    return (
      <p className="muted">
        No variables: attach an AWS integration on the Integrations tab, or turn off “Assume role on
        worker” for it, to have Rolebridge compute credentials for runs.
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="table table-plain table-cards table-variables">
        <caption className="visually-hidden">Computed environment variables</caption>
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col">From integration</th>
            <th scope="col">Phases</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={`${v.integrationId}-${v.name}`}>
              <th scope="row">
                <code className="mono">{v.name}</code>
              </th>
              <td data-label="Value">
                {/* Masked by the BFF; the clear value only ever reaches a worker token. */}
                <code className="mono masked" title="Computed for each run; never shown">
                  {v.value}
                </code>
              </td>
              <td data-label="From">
                <Link to={paths.awsIntegration(v.integrationId)}>{v.integrationName}</Link>
                {v.isAutoattached && (
                  <>
                    {' '}
                    <Badge tone="info">Auto-attached</Badge>
                  </>
                )}
              </td>
              <td data-label="Phases">{v.phases.map((p) => phaseNames[p]).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
