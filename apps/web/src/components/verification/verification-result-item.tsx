import type { Verification } from '@rolebridge/contracts';
import { Badge } from '../ui/badge';
import { CopyButton } from '../ui/copy-button';
import { HintItem } from './hint-item';

type Result = Verification['results'][number];

const phaseNames = { read: 'read (plan)', write: 'write (apply)' } as const;

export function VerificationResultItem({ result: r }: { result: Result }) {
  const what = `${r.stackSlug} ${r.phase}`;
  return (
    <li className="result">
      <div className="result-head">
        <Badge tone={r.ok ? 'success' : 'danger'}>
          {r.ok ? 'OK' : (r.error?.code ?? 'Failed')}
        </Badge>
        <span>
          {r.stackSlug} · {phaseNames[r.phase]}
        </span>
      </div>
      <p className="result-line">
        <span className="muted">External ID </span>
        <code className="mono break">{r.externalId}</code>
        <CopyButton value={r.externalId} label={`Copy external ID for ${what}`} />
      </p>
      {r.assumedRoleArn && (
        <p className="result-line">
          <span className="muted">Assumed </span>
          <code className="mono break">{r.assumedRoleArn}</code>
          <CopyButton value={r.assumedRoleArn} label={`Copy assumed-role ARN for ${what}`} />
        </p>
      )}
      {r.error && <p className="result-message">{r.error.message}</p>}
      {r.ok && r.attempts !== undefined && r.attempts > 1 && (
        <p className="muted">Passed after {r.attempts} attempts while AWS applied a role change.</p>
      )}
      {r.hints.map((h) => (
        <HintItem key={h.id} hint={h} context={what} />
      ))}
    </li>
  );
}
