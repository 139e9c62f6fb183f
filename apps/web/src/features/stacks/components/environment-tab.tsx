import type { Stack } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageSpinner } from '../../../components/ui/spinner';
import { environmentQueryOptions } from '../api/runs';
import { ComputedVariables } from './computed-variables';
import { RunsPanel } from './runs-panel';

export function EnvironmentTab({ stack }: { stack: Stack }) {
  const environment = useQuery(environmentQueryOptions(stack.slug));
  return (
    <div className="stack-lg">
      <Card title="Computed variables" id="stack-environment">
        <div className="stack-md">
          <p className="muted">
            Each run gets temporary credentials from the integration attached for its phase: plans
            use the read integration, applies the write one. The values are created when the run
            starts, last for the integration’s duration and are never shown here.
          </p>
          {environment.isPending && <PageSpinner label="Loading variables" />}
          {environment.isError && (
            <Alert
              tone="danger"
              title="Could not load the variables"
              actions={<Button onClick={() => void environment.refetch()}>Try again</Button>}
            >
              {environment.error.message}
            </Alert>
          )}
          {environment.data && <ComputedVariables items={environment.data} />}
        </div>
      </Card>
      <RunsPanel stack={stack} />
    </div>
  );
}
