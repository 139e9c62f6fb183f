import type { VerifyTarget } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../../components/ui/alert';
import { Button, ButtonLink } from '../../../../components/ui/button';
import { PageSpinner } from '../../../../components/ui/spinner';
import { verdictOf } from '../../../../components/verification/verdict';
import { paths } from '../../../../config/paths';
import { integrationQueryOptions } from '../../api/integrations';
import { VerificationPanel } from '../verification-panel';

type Props = {
  id: string;
  target: VerifyTarget;
  /** The console's first integration: only then is the LaunchPad's step 2 news. */
  firstIntegration: boolean;
  onRestart: () => void;
};

const headings = {
  verified: (name: string) => `${name} is set up and verified`,
  deferred: (name: string) => `${name} is saved; the role is checked when you attach a stack`,
  retrying: (name: string) => `${name} is saved; AWS has not accepted the role yet, retrying`,
  failing: (name: string) => `${name} was saved, but the role could not be assumed`,
  unverified: (name: string) => `${name} is saved`,
};

export function SetupResult({ id, target, firstIntegration, onRestart }: Props) {
  const query = useQuery(integrationQueryOptions(id));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = query.isSuccess;

  // The result replaces the form the user just submitted; move focus so it is announced.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (query.isPending) return <PageSpinner label="Loading the verification" />;
  if (query.isError) {
    return (
      <Alert
        tone="danger"
        title="Could not load the new integration"
        actions={<Button onClick={onRestart}>Start again</Button>}
      >
        {query.error.message}
      </Alert>
    );
  }
  const { integration } = query.data;
  // The heading reads the same value as the badge below it, so the two never disagree.
  const verdict = verdictOf(integration.lastVerification);
  const ok = verdict === 'verified';
  const deferred = verdict === 'deferred';
  return (
    <div className="stack-lg">
      <h3 className="section-title" tabIndex={-1} ref={headingRef}>
        {headings[verdict](integration.name)}
      </h3>
      {ok && firstIntegration ? (
        <Alert
          tone="success"
          title="Step 2 of the LaunchPad is complete! Now you can create your first stack."
        >
          <Link to={paths.newStack}>Create your first stack</Link>
        </Alert>
      ) : ok ? (
        <p>
          Attach it on a stack&apos;s <b>Integrations</b> tab, or give it an{' '}
          <code className="mono">autoattach:&lt;label&gt;</code> label, so runs get its credentials.{' '}
          <Link to={paths.stacks}>Go to stacks</Link>
        </p>
      ) : deferred ? null : (
        <p>
          Follow the hints below, fix the role in AWS, then press <b>Verify again</b>. Changes to a
          role can take up to a minute to reach STS: tick “I just changed the role” and Rolebridge
          keeps retrying for you.
        </p>
      )}
      <VerificationPanel integration={integration} target={target} />
      <div className="card-footer-actions">
        <ButtonLink to={paths.awsIntegration(integration.id)}>
          Open the details of {integration.name}
        </ButtonLink>
        <Button onClick={onRestart}>Set up another integration</Button>
      </div>
    </div>
  );
}
