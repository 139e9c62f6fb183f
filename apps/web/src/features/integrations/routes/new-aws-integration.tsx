import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { AwsSetupWizard } from '../components/wizard/aws-setup-wizard';

export function NewAwsIntegrationRoute() {
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
      <AwsSetupWizard />
    </>
  );
}
