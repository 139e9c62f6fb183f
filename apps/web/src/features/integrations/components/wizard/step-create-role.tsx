import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { CodeBlock } from '../../../../components/ui/code-block';
import { Spinner } from '../../../../components/ui/spinner';
import { Tabs } from '../../../../components/ui/tabs';
import { useAccess } from '../../../../lib/access/use-access';
import { accountQueryOptions } from '../../../../lib/queries/account';
import type { StepProps } from './aws-setup-wizard';
import { SandboxRoleForm } from './sandbox-role-form';
import { useGeneratedPolicy } from './use-generated-policy';
import { VariantPicker } from './variant-picker';

// The clicks follow AWS's Create Role wizard as described in the setup guide.
function ConsoleSteps() {
  return (
    <ol className="steps-list">
      <li>
        Sign in to the AWS console for the account the stacks will manage and open <b>IAM</b>.
      </li>
      <li>
        Select <b>Roles</b> and click <b>Create role</b>.
      </li>
      <li>
        As the trusted entity type select <b>Custom trust policy</b>, paste the policy from step 2
        and click <b>Next</b>.
      </li>
      <li>
        Attach the permissions policies your stacks need (step 3) and click <b>Next</b>.
      </li>
      <li>
        Enter a <b>role name</b> and <b>description</b>, review, and click <b>Create role</b>.
      </li>
      <li>Open the new role and copy its ARN from the summary (step 4).</li>
    </ol>
  );
}

export function StepCreateRole({ state, update, onSkipToArn }: StepProps) {
  const account = useQuery(accountQueryOptions());
  const { request, query } = useGeneratedPolicy(state);
  // The sandbox creates roles for root admins only (it stands in for the customer's AWS admin).
  const canCreateInSandbox = useAccess().can('admin', 'root');
  const generated = (key: 'awsCli' | 'cloudFormation' | 'terraform', title: string) =>
    query.data ? (
      <CodeBlock code={query.data[key]} title={title} copyLabel={`Copy ${title}`} />
    ) : request === null ? (
      <p className="muted">Enter the stack slug above to see the code.</p>
    ) : query.isError ? (
      <Alert tone="danger" title="Could not generate the code">
        {query.error.message}
      </Alert>
    ) : (
      <p className="muted">
        <Spinner size="sm" /> Generating…
      </p>
    );

  return (
    <>
      <div className="shortcut">
        <p>
          <b>Already created the role?</b> Skip to the last step and paste its ARN.
        </p>
        <Button variant="primary" onClick={onSkipToArn}>
          I already have a role
        </Button>
      </div>
      <p>
        Rolebridge never stores AWS keys. Instead it assumes an IAM role in your account, which
        trusts Rolebridge&apos;s own AWS identity. Create that role by hand in the AWS console, or
        with the generated code below (it already holds the trust policy of step 2).
      </p>
      <VariantPicker state={state} update={update} layout="select" />
      {account.data?.mode === 'sandbox' && canCreateInSandbox && (
        <SandboxRoleForm state={state} update={update} />
      )}
      <Tabs
        label="How to create the role"
        selected={state.createTab}
        onSelect={(createTab) => update({ createTab })}
        tabs={[
          { id: 'console', label: 'AWS console', panel: <ConsoleSteps /> },
          { id: 'cli', label: 'AWS CLI', panel: generated('awsCli', 'AWS CLI commands') },
          {
            id: 'cloudformation',
            label: 'CloudFormation',
            panel: generated('cloudFormation', 'CloudFormation template'),
          },
          { id: 'terraform', label: 'Terraform', panel: generated('terraform', 'Terraform code') },
        ]}
      />
    </>
  );
}
