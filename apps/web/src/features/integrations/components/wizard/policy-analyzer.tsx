import { awsRegion } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { TextareaField } from '../../../../components/ui/field';
import { Spinner } from '../../../../components/ui/spinner';
import { useDebouncedDraft } from '../../../../lib/use-debounced-draft';
import { analyzeTrustPolicyQueryOptions } from '../../api/trust-policy';
import type { StepProps } from './aws-setup-wizard';
import { AnalysisResult } from './analysis-result';
import { validStackSlug, type WizardState } from './wizard-state';

// The integration has no ID before step 5; any policy written for the wizard's variants
// matches it with a wildcard, so a stand-in is enough to get a verdict.
const PENDING_INTEGRATION = 'new-integration';

function sampleExternalIds(state: WizardState, accountName: string): string[] {
  const slug =
    state.variant === 'specific-stacks' && validStackSlug(state.stackSlug)
      ? state.stackSlug
      : 'example-stack';
  const prefix = `${accountName}@${PENDING_INTEGRATION}@${slug}`;
  return [`${prefix}@read`, `${prefix}@write`];
}

type Props = StepProps & { accountName: string | undefined };

/** Paste the role's current policy and see, as you type, whether Rolebridge could assume it. */
export function PolicyAnalyzer({ state, update, accountName }: Props) {
  const [draft, setDraft] = useDebouncedDraft(
    state.pastedPolicy,
    (pastedPolicy) => update({ pastedPolicy }),
    400,
  );
  const policy = state.pastedPolicy.trim();
  // The request context Rolebridge will send: the region typed in step 5 signs the call;
  // the server adds the session name, the time and (sandbox mode) the source address.
  const region = awsRegion.safeParse(state.draft.region);
  const request = {
    policy: state.pastedPolicy,
    externalIds: sampleExternalIds(state, accountName ?? 'account'),
    context: region.success ? { region: region.data } : {},
  };
  const analysis = useQuery({
    ...analyzeTrustPolicyQueryOptions(request),
    enabled: policy !== '' && accountName !== undefined,
  });

  return (
    <section className="stack-md" aria-labelledby="analyzer-title">
      <h3 id="analyzer-title" className="section-title">
        Already have a role?
      </h3>
      <TextareaField
        label="Paste your current trust policy"
        optional
        className="mono"
        rows={8}
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        hint="We check it against the external IDs Rolebridge will send, as you type. It is sent with the first verification too."
      />
      <div aria-live="polite" aria-busy={analysis.isFetching}>
        {policy !== '' && analysis.isFetching && !analysis.data && (
          <p className="muted">
            <Spinner size="sm" /> Checking the policy…
          </p>
        )}
        {policy !== '' && analysis.isError && (
          <p className="field-error">{analysis.error.message}</p>
        )}
        {policy !== '' && analysis.data && (
          <AnalysisResult analysis={analysis.data} stale={analysis.isPlaceholderData} />
        )}
      </div>
    </section>
  );
}
