import type { Run, RunPhase, Stack } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { RefLink } from '../../../components/ref-link';
import { HintItem } from '../../../components/verification/hint-item';
import { useAccess } from '../../../lib/access/use-access';
import { formatDateTime } from '../../../lib/format';
import { runFailureHints, runsQueryOptions, useStartRun } from '../api/runs';
import { RunsTable } from './runs-table';

const PHASES: { phase: RunPhase; label: string }[] = [
  { phase: 'plan', label: 'Trigger plan' },
  { phase: 'apply', label: 'Trigger apply' },
];

export function RunsPanel({ stack }: { stack: Stack }) {
  const runs = useQuery(runsQueryOptions(stack.slug));
  const start = useStartRun(stack.slug);
  // Runs need the write role in the stack's space; readers see the history only.
  const canRun = useAccess().can('write', stack.spaceId);

  return (
    <Card
      title="Runs"
      id="stack-runs"
      actions={
        canRun &&
        PHASES.map(({ phase, label }) => (
          <Button
            key={phase}
            size="sm"
            variant={phase === 'plan' ? 'primary' : 'secondary'}
            pending={start.isPending && start.variables === phase}
            disabled={start.isPending}
            onClick={() => start.mutate(phase)}
          >
            {label}
          </Button>
        ))
      }
    >
      <div className="stack-md">
        <div aria-live="polite">{start.isSuccess && <StartedRun run={start.data} />}</div>
        {start.isError && (
          <Alert tone="danger" title={`The ${start.variables} run did not start`}>
            <p>{start.error.message}</p>
            {runFailureHints(start.error).map((h) => (
              <HintItem key={h.id} hint={h} />
            ))}
          </Alert>
        )}
        {runs.isError && (
          <Alert tone="danger" title="Could not load the runs">
            {runs.error.message}
          </Alert>
        )}
        {runs.data?.length === 0 && (
          <p className="muted">
            No runs yet.{canRun && ' Trigger a plan to see the credentials a run gets.'}
          </p>
        )}
        {runs.data && runs.data.length > 0 && <RunsTable runs={runs.data} />}
      </div>
    </Card>
  );
}

function StartedRun({ run }: { run: Run }) {
  return (
    <Alert
      tone="success"
      title={`${run.phase === 'plan' ? 'Plan' : 'Apply'} run ${run.id} started`}
    >
      <p>
        Credentials from{' '}
        {run.integration ? (
          <RefLink value={{ ...run.integration, type: 'aws_integration' }} />
        ) : (
          '—'
        )}
        {run.expiresAt && <> until {formatDateTime(run.expiresAt)}</>}. The worker reads them with
        its token; here they stay masked:
      </p>
      <ul className="variable-list">
        {run.environment.map((v) => (
          <li key={v.name}>
            <code className="mono">{v.name}</code> = <code className="mono masked">{v.value}</code>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
