import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { CodeBlock } from '../../../components/ui/code-block';
import type { CreatedToken } from './token-form';
import { WorkerCommand } from './worker-command';

type Props = { created: CreatedToken; onDone: () => void };

/** The one time the secret is on screen; the parent forgets it on Done or when it unmounts. */
export function TokenReveal({ created, onDone }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const origin = window.location.origin;

  return (
    <section className="token-reveal stack-md" aria-labelledby="token-reveal-title">
      <div className="token-reveal-text">
        <h3 id="token-reveal-title" className="section-title" tabIndex={-1} ref={heading}>
          Token {created.name} created
        </h3>
        <p className="token-reveal-warning">
          Copy it now: <strong>you will not see it again.</strong> Rolebridge keeps only a hash of
          it. If you lose it, revoke it and create another.
        </p>
      </div>
      <CodeBlock code={created.token} copyLabel="Copy API token" title="API token" />
      <div className="token-reveal-text">
        <h4 className="subsection-title">How to use it</h4>
        <p className="muted">
          Send it with every request to the Rolebridge API in the{' '}
          <code className="mono">Authorization</code> header.
        </p>
      </div>
      <CodeBlock
        code={`curl -H "Authorization: Bearer ${created.token}" ${origin}/api/stacks`}
        copyLabel="Copy request example"
        title="HTTP"
      />
      {created.role === 'worker' && (
        <>
          <p className="muted">
            On the worker, from a Rolebridge checkout, the CLI starts a run of the stack and hands
            its AWS credentials and region to the command after <code className="mono">--</code>.
          </p>
          <WorkerCommand token={created.token} spaceId={created.spaceId} />
        </>
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={onDone}>
          Done, I have copied it
        </Button>
      </div>
    </section>
  );
}
