import { Link, useNavigate } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { CreateIntegrationForm } from '../components/create-integration-form';

export function NewAwsIntegrationRoute() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.integrations}>
            <span aria-hidden="true">← </span>Back to list
          </Link>
        }
        title="Set up an AWS integration"
        description="Paste the ARN of an IAM role whose trust policy lets Rolebridge assume it. We check the role as soon as you save."
      />
      <div className="narrow">
        <Card>
          <CreateIntegrationForm
            onCreated={(integration) => void navigate(paths.awsIntegration(integration.id))}
          />
        </Card>
      </div>
    </>
  );
}
