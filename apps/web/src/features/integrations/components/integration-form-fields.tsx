import { describeRoleArnProblem } from '@rolebridge/contracts';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { SpaceSelectField } from '../../../components/space-select-field';
import { CheckboxField, TextField } from '../../../components/ui/field';
import { LabelsInput } from '../../../components/ui/labels-input';
import { RoleArnFeedback } from './role-arn-feedback';

/** Every field, with the shape the API takes; both create and update requests accept it. */
export type IntegrationFormValues = {
  name: string;
  spaceId: string;
  roleArn: string;
  assumeRoleOnWorker: boolean;
  externalId: string | null;
  durationSeconds: number;
  region: string | null;
  labels: string[];
  autoattachEnabled: boolean;
};

export const integrationFormFields = [
  'name',
  'spaceId',
  'roleArn',
  'assumeRoleOnWorker',
  'externalId',
  'durationSeconds',
  'region',
  'labels',
  'autoattachEnabled',
] as const satisfies readonly (keyof IntegrationFormValues)[];

const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ca-central-1',
  'sa-east-1',
];

const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

export function IntegrationFormFields<T>({
  form,
}: {
  form: UseFormReturn<IntegrationFormValues, unknown, T>;
}) {
  const { register, control, setValue, formState } = form;
  const { errors } = formState;
  const [roleArn, onWorker] = useWatch({ control, name: ['roleArn', 'assumeRoleOnWorker'] });
  const labelsError = errors.labels?.message ?? errors.labels?.find?.((e) => e?.message)?.message;

  return (
    <>
      <TextField
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <SpaceSelectField label="Space" error={errors.spaceId?.message} {...register('spaceId')} />
      <TextField
        label="Role ARN"
        className="mono"
        spellCheck={false}
        autoComplete="off"
        placeholder="arn:aws:iam::123456789012:role/rolebridge"
        error={errors.roleArn?.message}
        hint={
          errors.roleArn ? undefined : (
            <RoleArnFeedback
              value={roleArn}
              // The request trims the spaces a paste brings, so the check does too.
              problem={roleArn ? describeRoleArnProblem(roleArn.trim()) : null}
            />
          )
        }
        {...register('roleArn')}
      />
      <CheckboxField
        label="Assume role on worker"
        hint="The worker assumes the role itself instead of Rolebridge. Lets you set a custom external ID."
        error={errors.assumeRoleOnWorker?.message}
        {...register('assumeRoleOnWorker', {
          // A custom external ID is only allowed with this option; clear it rather than send it.
          onChange: (event: { target: { checked: boolean } }) => {
            if (!event.target.checked) setValue('externalId', null);
          },
        })}
      />
      {onWorker && (
        <TextField
          label="External ID"
          optional
          autoComplete="off"
          hint="Leave empty to use the generated one (account@integration@stack@read|write)."
          error={errors.externalId?.message}
          {...register('externalId', { setValueAs: emptyToNull })}
        />
      )}
      <div className="field-row">
        <TextField
          label="Duration"
          type="number"
          inputMode="numeric"
          min={900}
          max={3600}
          step={1}
          hint="Seconds the credentials last: 900 to 3600, within the role's maximum session duration."
          error={errors.durationSeconds?.message}
          {...register('durationSeconds', { valueAsNumber: true })}
        />
        <TextField
          label="Region"
          optional
          list="aws-regions"
          autoComplete="off"
          placeholder="us-east-1"
          hint="Use a regional STS endpoint. Leave empty for the global one."
          error={errors.region?.message}
          {...register('region', { setValueAs: emptyToNull })}
        />
        <datalist id="aws-regions">
          {REGIONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <Controller
        control={control}
        name="labels"
        render={({ field }) => (
          <LabelsInput
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={labelsError}
          />
        )}
      />
      <CheckboxField
        label="Enable auto-attach"
        hint="With a label autoattach:<x>, attach this integration to every stack labelled <x>."
        error={errors.autoattachEnabled?.message}
        {...register('autoattachEnabled')}
      />
    </>
  );
}
