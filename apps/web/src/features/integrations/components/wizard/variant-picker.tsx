import type { SetupPolicyVariant } from '@rolebridge/contracts';
import type { Ref } from 'react';
import { SelectField, TextField } from '../../../../components/ui/field';
import type { StepProps } from './aws-setup-wizard';
import { validStackSlug } from './wizard-state';

export const variants: { id: SetupPolicyVariant; label: string; hint: string }[] = [
  { id: 'any-stack', label: 'Any stack can use role', hint: 'Every stack in this account.' },
  {
    id: 'specific-stacks',
    label: 'Specific stack can use role',
    hint: 'Only runs of the stack you name.',
  },
  { id: 'plan-only', label: 'Plan only', hint: 'Runs may plan (read) but never apply (write).' },
];

type Props = Pick<StepProps, 'state' | 'update'> & {
  /** Step 1 asks in one line before showing code; step 2 explains each choice. */
  layout: 'select' | 'radios';
  slugError?: string | undefined;
  onSlugChange?: () => void;
  slugRef?: Ref<HTMLInputElement>;
};

/** Who may use the role: the generated policy and code follow the answer, in every step. */
export function VariantPicker({ state, update, layout, slugError, onSlugChange, slugRef }: Props) {
  return (
    <>
      {layout === 'select' ? (
        <SelectField
          label="Who may use the role?"
          hint="The trust policy in the code below follows this choice; step 2 explains each one."
          value={state.variant}
          onChange={(e) => {
            const picked = variants.find((v) => v.id === e.target.value);
            if (picked) update({ variant: picked.id });
          }}
        >
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </SelectField>
      ) : (
        <fieldset className="radio-group">
          <legend className="field-label">Who may use the role?</legend>
          {variants.map((v) => (
            <label key={v.id} className="radio-option">
              <input
                type="radio"
                name="variant"
                value={v.id}
                checked={state.variant === v.id}
                onChange={() => update({ variant: v.id })}
              />
              <span>
                <span className="radio-label">{v.label}</span>
                <span className="field-hint">{v.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {state.variant === 'specific-stacks' && (
        <TextField
          ref={slugRef}
          label="Stack slug"
          autoComplete="off"
          className="mono"
          value={state.stackSlug}
          placeholder="production"
          error={
            slugError ??
            (state.stackSlug && !validStackSlug(state.stackSlug)
              ? 'Use lowercase letters, digits and hyphens (at most 64)'
              : undefined)
          }
          onChange={(e) => {
            onSlugChange?.();
            update({ stackSlug: e.target.value.trim() });
          }}
        />
      )}
    </>
  );
}
