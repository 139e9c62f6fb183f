import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { PageSpinner } from '../../../components/ui/spinner';
import { launchpadQueryOptions } from '../../../lib/queries/launchpad';
import { Checklist } from '../components/checklist';

export function LaunchpadRoute() {
  const launchpad = useQuery(launchpadQueryOptions());
  const data = launchpad.data;
  return (
    <>
      <PageHeader
        title="LaunchPad"
        description="Give your infrastructure runs short-lived AWS credentials through IAM roles, instead of access keys stored in CI."
      />
      {launchpad.isPending && <PageSpinner label="Loading the checklist" />}
      {launchpad.isError && (
        <Alert
          tone="danger"
          title="Could not load the checklist"
          actions={<Button onClick={() => void launchpad.refetch()}>Try again</Button>}
        >
          {launchpad.error.message}
        </Alert>
      )}
      {data && (
        <section className="card launchpad" aria-labelledby="launchpad-title">
          <div className="card-body stack-lg">
            <div className="launchpad-head">
              <h2 id="launchpad-title" className="card-title">
                Get started checklist
              </h2>
              <span className="launchpad-count">
                {data.completed}/{data.total}
              </span>
            </div>
            <div
              className="progress"
              role="progressbar"
              aria-label="Checklist progress"
              aria-valuemin={0}
              aria-valuemax={data.total}
              aria-valuenow={data.completed}
              aria-valuetext={`${data.completed} of ${data.total} steps complete`}
            >
              <div
                className="progress-bar"
                style={{ width: `${(100 * data.completed) / Math.max(data.total, 1)}%` }}
              />
            </div>
            <Checklist data={data} />
          </div>
        </section>
      )}
    </>
  );
}
