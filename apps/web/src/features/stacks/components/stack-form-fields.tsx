import type { ReactNode } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { SpaceSelectField } from '../../../components/space-select-field';
import { TextField } from '../../../components/ui/field';
import { LabelsInput } from '../../../components/ui/labels-input';

/** Both forms hold the slug; only create sends it, since it never changes afterwards. */
export type StackFormValues = { name: string; slug: string; spaceId: string; labels: string[] };

export const stackFormFields = [
  'name',
  'slug',
  'spaceId',
  'labels',
] as const satisfies readonly (keyof StackFormValues)[];

const labelsHint =
  'Press Enter or comma to add. An integration with auto-attach and the label autoattach:<label> attaches to this stack at once.';

type Props<T> = {
  form: UseFormReturn<StackFormValues, unknown, T>;
  /** Rendered between Name and Space: the create form's slug field. */
  slugField?: ReactNode;
  onNameChange?: (name: string) => void;
};

export function StackFormFields<T>({ form, slugField, onNameChange }: Props<T>) {
  const { register, control, formState } = form;
  const { errors } = formState;
  const labelsError = errors.labels?.message ?? errors.labels?.find?.((e) => e?.message)?.message;
  return (
    <>
      <TextField
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', {
          onChange: (event: { target: { value: string } }) => onNameChange?.(event.target.value),
        })}
      />
      {slugField}
      <SpaceSelectField
        label="Space"
        hint="The stack may use AWS integrations from this space and the spaces it inherits from."
        error={errors.spaceId?.message}
        {...register('spaceId')}
      />
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
            hint={labelsHint}
            placeholder="e.g. production  networking"
          />
        )}
      />
    </>
  );
}
