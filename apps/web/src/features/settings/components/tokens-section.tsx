import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-client';
import { tokensQueryOptions } from '../api/tokens';
import { AdminOnlyNote } from './admin-only-note';
import { TokenForm, type CreatedToken } from './token-form';
import { TokenReveal } from './token-reveal';
import { TokensTable } from './tokens-table';

type Mode = { kind: 'list' } | { kind: 'form' } | { kind: 'created'; created: CreatedToken };

export function TokensSection() {
  const tokens = useQuery(tokensQueryOptions());
  // The secret lives here only: gone on Done, and with the component when the user leaves.
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const newButton = useRef<HTMLButtonElement>(null);
  const forbidden = isApiError(tokens.error, 403);

  const backToList = () => {
    setMode({ kind: 'list' });
    // The button re-renders with the list; focus it once it is back.
    requestAnimationFrame(() => newButton.current?.focus());
  };

  const actions =
    tokens.isSuccess && mode.kind === 'list' ? (
      <Button ref={newButton} variant="primary" size="sm" onClick={() => setMode({ kind: 'form' })}>
        New token
      </Button>
    ) : undefined;

  return (
    <Card title="API tokens" id="tokens" actions={actions}>
      <div className="stack-lg">
        <p className="muted">
          Tokens let scripts and workers call the Rolebridge API without a password. Each is shown
          once when created and can be revoked at any time.
        </p>
        {mode.kind === 'form' && (
          <TokenForm
            onCreated={(created) => setMode({ kind: 'created', created })}
            onCancel={backToList}
          />
        )}
        {mode.kind === 'created' && <TokenReveal created={mode.created} onDone={backToList} />}
        {tokens.isPending && <Spinner label="Loading API tokens" />}
        {forbidden && <AdminOnlyNote what="API tokens" />}
        {tokens.isError && !forbidden && (
          <Alert
            tone="danger"
            title="Could not load API tokens"
            actions={<Button onClick={() => void tokens.refetch()}>Try again</Button>}
          >
            {tokens.error.message}
          </Alert>
        )}
        {tokens.isSuccess &&
          (tokens.data.length === 0 ? (
            <p className="muted">No API tokens yet.</p>
          ) : (
            <TokensTable tokens={tokens.data} asOf={tokens.dataUpdatedAt} />
          ))}
      </div>
    </Card>
  );
}
