import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../../components/ui/alert';
import { CodeBlock } from '../../../../components/ui/code-block';
import { Spinner } from '../../../../components/ui/spinner';
import { accountQueryOptions } from '../../../../lib/queries/account';
import type { StepProps } from './aws-setup-wizard';
import { ExternalIdFormat } from './external-id-format';
import { PolicyAnalyzer } from './policy-analyzer';
import { useGeneratedPolicy } from './use-generated-policy';
import { VariantPicker } from './variant-picker';
import { validStackSlug } from './wizard-state';

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
      <VariantPicker
        state={state}
        update={update}
        layout="radios"
        slugRef={slugRef}
        slugError={slugError}
        onSlugChange={() => setSlugError(undefined)}
      />
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
