import { useState, type FormEvent } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { Button } from '../../../../components/ui/button';
import { TextField } from '../../../../components/ui/field';
import { isApiError } from '../../../../lib/api-client';
import { useCreateSandboxRole } from '../../api/sandbox-roles';
import type { StepProps } from './aws-setup-wizard';
import { useGeneratedPolicy } from './use-generated-policy';

const variantNames = {
  'any-stack': 'any stack can use the role',
  'specific-stacks': 'only the stack named in step 2 can use the role',
  'plan-only': 'runs may only plan',
} as const;

/** Sandbox mode: skip the AWS console and create the role in the sandbox's customer account. */
export function SandboxRoleForm({ state, update }: StepProps) {
  const create = useCreateSandboxRole();
  const { request, query } = useGeneratedPolicy(state);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!query.data) {
      setError('The trust policy is not ready: pick a variant (and stack) in step 2.');
      return;
    }
    try {
      const role = await create.mutateAsync({
        roleName: state.roleName,
        trustPolicy: query.data.json,
      });
      update({ roleArn: role.roleArn });
    } catch (e) {
      setError(isApiError(e) ? e.message : 'The role was not created. Try again.');
    }
  };
  const nameError = create.error && isApiError(create.error) ? create.error.fieldErrors : [];

  return (
    <form className="sandbox-role" onSubmit={(e) => void onSubmit(e)} noValidate>
      <p className="sandbox-role-title">Sandbox: create the role for me</p>
      <p className="muted">
        Creates the role in the sandbox customer account (222222222222) with the trust policy of
        step 2 ({variantNames[state.variant]}).
        {request === null && ' Enter the stack slug in step 2 first.'}
      </p>
      <div className="inline-form">
        <TextField
          label="Role name"
          autoComplete="off"
          value={state.roleName}
          onChange={(e) => update({ roleName: e.target.value })}
          error={nameError.find((f) => f.path === 'roleName')?.message}
        />
        <Button type="submit" variant="primary" pending={create.isPending}>
          Create this role in the sandbox
        </Button>
      </div>
      <div aria-live="polite">
        {create.isSuccess && state.roleArn === create.data.roleArn && (
          <Alert tone="success" title={`Role ${create.data.roleName} created`}>
            Its ARN <code className="mono break">{create.data.roleArn}</code> is filled in for the
            last step.
          </Alert>
        )}
      </div>
      {error && (
        <Alert tone="danger" title="The role was not created">
          {error}
        </Alert>
      )}
    </form>
  );
}
