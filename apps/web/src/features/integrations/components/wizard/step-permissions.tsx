import { s3BackendRequest } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../../components/ui/alert';
import { CodeBlock } from '../../../../components/ui/code-block';
import { TextField } from '../../../../components/ui/field';
import { useDebouncedValue } from '../../../../lib/use-debounced-value';
import { generateTrustPolicyQueryOptions } from '../../api/trust-policy';
import type { StepProps } from './aws-setup-wizard';
import { generateRequestOf } from './use-generated-policy';

export function StepPermissions({ state, update }: StepProps) {
  const { bucket, keyPrefix, dynamoDbTable } = useDebouncedValue(state.s3);
  const s3 = s3BackendRequest.safeParse({
    bucket,
    keyPrefix,
    ...(dynamoDbTable !== '' && { dynamoDbTable }),
  });
  const base = generateRequestOf(state) ?? { variant: 'any-stack' as const };
  const generated = useQuery({
    ...generateTrustPolicyQueryOptions({ ...base, ...(s3.success && { s3Backend: s3.data }) }),
    enabled: s3.success,
  });
  const fieldError = (field: string) =>
    state.s3.bucket === '' ? undefined : s3.error?.issues.find((i) => i.path[0] === field)?.message;
  const setS3 = (patch: Partial<typeof state.s3>) => update({ s3: { ...state.s3, ...patch } });

  return (
    <>
      <p>
        The trust policy only says who may assume the role. What the role may <em>do</em> comes from
        its permissions policies: attach at least one in the AWS console&apos;s{' '}
        <b>Add permissions</b> page, with enough rights to create every resource your stacks define.
        Start narrow and widen as plans fail; avoid{' '}
        <code className="mono">AdministratorAccess</code> outside sandboxes.
      </p>
      <Alert tone="info" title="Terraform with state in S3?">
        The role also needs access to the state: read and write the state objects, and lock them
        (with a DynamoDB table or an S3 lock file). Generate that policy here.
      </Alert>
      <div className="field-row">
        <TextField
          label="State bucket"
          autoComplete="off"
          placeholder="my-terraform-state"
          value={state.s3.bucket}
          onChange={(e) => setS3({ bucket: e.target.value.trim() })}
          error={fieldError('bucket')}
        />
        <TextField
          label="State key or prefix"
          autoComplete="off"
          placeholder="stacks/"
          hint='A prefix ending in "/" covers every state under it.'
          value={state.s3.keyPrefix}
          onChange={(e) => setS3({ keyPrefix: e.target.value })}
          error={fieldError('keyPrefix')}
        />
        <TextField
          label="DynamoDB lock table"
          optional
          autoComplete="off"
          placeholder="terraform-locks"
          hint="The policy always covers the S3 lock file (use_lockfile = true), which Terraform deletes to unlock."
          value={state.s3.dynamoDbTable}
          onChange={(e) => setS3({ dynamoDbTable: e.target.value.trim() })}
          error={fieldError('dynamoDbTable')}
        />
      </div>
      {generated.isError && (
        <Alert tone="danger" title="Could not generate the policy">
          {generated.error.message}
        </Alert>
      )}
      {s3.success && generated.data?.s3BackendPolicy && (
        <CodeBlock
          code={generated.data.s3BackendPolicy.json}
          title="S3 state backend policy"
          copyLabel="Copy S3 state backend policy"
        />
      )}
    </>
  );
}
