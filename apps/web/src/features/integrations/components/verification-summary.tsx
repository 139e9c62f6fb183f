import type { Verification } from '@rolebridge/contracts';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { formatDateTime } from '../../../lib/format';

export function VerificationSummary({ verification }: { verification: Verification | null }) {
  if (verification === null) {
    return (
      <p className="muted">
        <Badge>Not verified yet</Badge> Rolebridge has not tried to assume this role yet.
      </p>
    );
  }
  return (
    <div className="stack-md">
      <p>
        {verification.ok ? (
          <Badge tone="success">Verified</Badge>
        ) : (
          <Badge tone="danger">Failing</Badge>
        )}{' '}
        {verification.checkedAt && (
          <span className="muted">Last checked {formatDateTime(verification.checkedAt)}</span>
        )}
      </p>
      {verification.confusedDeputy.open && (
        <Alert tone="warning" title="The role can be assumed without an external ID">
          Anyone in the platform account could use it. Add an sts:ExternalId condition to the trust
          policy.
        </Alert>
      )}
      {verification.results.length > 0 && (
        <ul className="results">
          {verification.results.map((r) => (
            <li key={`${r.stackSlug}-${r.phase}`} className="result">
              <div className="result-head">
                <Badge tone={r.ok ? 'success' : 'danger'}>
                  {r.ok ? 'OK' : (r.error?.code ?? 'Failed')}
                </Badge>
                <span>
                  {r.stackSlug} · {r.phase}
                </span>
                <code className="mono muted truncate" title={r.externalId}>
                  {r.externalId}
                </code>
              </div>
              {r.error && <p className="result-message">{r.error.message}</p>}
              {r.hints.map((h) => (
                <div key={h.id} className="hint">
                  <p className="hint-title">{h.title}</p>
                  <p>{h.detail}</p>
                  {h.fix && <pre className="code-block">{h.fix}</pre>}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
