import { ButtonLink } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';

export function LaunchpadRoute() {
  return (
    <>
      <PageHeader
        title="Welcome to Rolebridge"
        description="Give your infrastructure runs short-lived AWS credentials through IAM roles, instead of access keys stored in CI."
      />
      <div className="grid-2">
        <Card title="Connect your AWS account">
          <p className="muted">
            Create an IAM role that trusts Rolebridge, paste its ARN, and we check that it can be
            assumed. Every run of an attached stack then receives temporary credentials.
          </p>
          <div className="card-footer-actions">
            <ButtonLink to={paths.newAwsIntegration} variant="primary">
              Set up an AWS integration
            </ButtonLink>
            <ButtonLink to={paths.integrations}>View integrations</ButtonLink>
          </div>
        </Card>
        <Card title="How it works">
          <ol className="steps-list">
            <li>
              A role in your AWS account trusts Rolebridge&apos;s AWS identity, with an external ID
              condition.
            </li>
            <li>Stacks attach the integration, directly or through an autoattach label.</li>
            <li>
              Each run gets <code className="mono">AWS_ACCESS_KEY_ID</code>,{' '}
              <code className="mono">AWS_SECRET_ACCESS_KEY</code> and{' '}
              <code className="mono">AWS_SESSION_TOKEN</code>, valid for at most an hour.
            </li>
          </ol>
        </Card>
      </div>
    </>
  );
}
