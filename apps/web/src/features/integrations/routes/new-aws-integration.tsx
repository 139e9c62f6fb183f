import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { AwsSetupWizard } from '../components/wizard/aws-setup-wizard';

export function NewAwsIntegrationRoute() {
  const canSetUp = useAccess().canAnywhere('admin');
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.integrations}>
            <span aria-hidden="true">← </span>Back to list
          </Link>
        }
        title="Set up an AWS integration"
        description="Five steps: create an IAM role that trusts Rolebridge, then let Rolebridge prove it can assume it."
      />
      {canSetUp ? (
        <AwsSetupWizard />
      ) : (
        <EmptyState title="Only admins set up integrations">
          Your role lets you see integrations and stacks. Ask an admin of a space to set up an AWS
          integration there.
        </EmptyState>
      )}
    </>
  );
}
