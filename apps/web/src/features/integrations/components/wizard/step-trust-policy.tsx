import type { SetupPolicyVariant } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { CodeBlock } from '../../../../components/ui/code-block';
import { TextField } from '../../../../components/ui/field';
import { Spinner } from '../../../../components/ui/spinner';
import { accountQueryOptions } from '../../../../lib/queries/account';
import type { StepProps } from './aws-setup-wizard';
import { ExternalIdFormat } from './external-id-format';
import { PolicyAnalyzer } from './policy-analyzer';
import { useGeneratedPolicy } from './use-generated-policy';
import { validStackSlug } from './wizard-state';

const variants: { id: SetupPolicyVariant; label: string; hint: string }[] = [
  { id: 'any-stack', label: 'Any stack can use role', hint: 'Every stack in this account.' },
  {
    id: 'specific-stacks',
    label: 'Specific stack can use role',
    hint: 'Only runs of the stack you name.',
  },
  { id: 'plan-only', label: 'Plan only', hint: 'Runs may plan (read) but never apply (write).' },
];

export function StepTrustPolicy({ state, update, onNextCheck }: StepProps) {
  const account = useQuery(accountQueryOptions());
  const { query } = useGeneratedPolicy(state);
  const [slugError, setSlugError] = useState<string | undefined>();
  const slugRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    onNextCheck?.(() => {
      if (state.variant !== 'specific-stacks' || validStackSlug(state.stackSlug)) return true;
      setSlugError('Enter the slug of the stack that may use the role, e.g. production');
      slugRef.current?.focus();
      return false;
    });
  }, [onNextCheck, state.variant, state.stackSlug]);

  return (
    <>
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
            setSlugError(undefined);
            update({ stackSlug: e.target.value.trim() });
          }}
        />
      )}
      {query.data ? (
        <CodeBlock code={query.data.json} title="Trust policy" copyLabel="Copy trust policy" />
      ) : query.isError ? (
        <Alert tone="danger" title="Could not generate the policy">
          {query.error.message}
        </Alert>
      ) : query.isFetching ? (
        <p className="muted">
          <Spinner size="sm" /> Generating the policy…
        </p>
      ) : null}
      {account.data && <ExternalIdFormat accountName={account.data.name} />}
      <PolicyAnalyzer state={state} update={update} accountName={account.data?.name} />
    </>
  );
}
