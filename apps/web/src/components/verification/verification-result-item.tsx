import type { Verification } from '@rolebridge/contracts';
import { Badge } from '../ui/badge';
import { CopyButton } from '../ui/copy-button';
import { HintItem } from './hint-item';

type Result = Verification['results'][number];

const phaseNames = { read: 'read (plan)', write: 'write (apply)' } as const;

/** A hint is the same advice when its id and fix match (the external ID hint differs per phase). */
export const hintKey = (h: Result['hints'][number]) => `${h.id}\u0000${h.fix ?? ''}`;

/** Read and write usually fail for the same reason; spell each piece of advice out once. */
export function shownBefore(results: readonly Result[], index: number): Set<string> {
  return new Set(results.slice(0, index).flatMap((r) => r.hints.map(hintKey)));
}

type Props = {
  result: Result;
  /** Hints already shown for an earlier result: named here, not repeated in full. */
  shownAbove?: ReadonlySet<string>;
};

export function VerificationResultItem({ result: r, shownAbove }: Props) {
  const what = `${r.stackSlug} ${r.phase}`;
  const repeated = r.hints.filter((h) => shownAbove?.has(hintKey(h)));
  const fresh = r.hints.filter((h) => !shownAbove?.has(hintKey(h)));
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
      {fresh.map((h) => (
        <HintItem key={h.id} hint={h} context={what} />
      ))}
      {repeated.length > 0 && (
        <p className="muted">
          Same advice as above: {repeated.map((h) => h.title.replace(/\.$/, '')).join('; ')}.
        </p>
      )}
    </li>
  );
}
