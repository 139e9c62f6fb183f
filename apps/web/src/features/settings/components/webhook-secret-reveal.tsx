import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { CodeBlock } from '../../../components/ui/code-block';
import type { CreatedWebhook } from './webhook-form';

type Props = { created: CreatedWebhook; onDone: () => void };

/** The one time a generated secret is on screen; the parent forgets it on Done. */
export function WebhookSecretReveal({ created, onDone }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="token-reveal stack-md" aria-labelledby="webhook-reveal-title">
      <div className="token-reveal-text">
        <h3 id="webhook-reveal-title" className="section-title" tabIndex={-1} ref={heading}>
          Webhook added
        </h3>
        {created.secret ? (
          <p className="token-reveal-warning">
            Copy the signing secret into your receiver now:{' '}
            <strong>you will not see it again.</strong> Rolebridge keeps it encrypted and never
            shows it.
          </p>
        ) : (
          <p className="muted">
            Deliveries to {created.url} are signed with the secret you entered.
          </p>
        )}
      </div>
      {created.secret && (
        <CodeBlock code={created.secret} copyLabel="Copy signing secret" title="Signing secret" />
      )}
      <div className="form-actions">
        <Button variant="primary" onClick={onDone}>
          {created.secret ? 'Done, I have copied it' : 'Done'}
        </Button>
      </div>
    </section>
  );
}
