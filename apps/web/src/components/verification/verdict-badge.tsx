import type { Verification } from '@rolebridge/contracts';
import { Badge, type BadgeTone } from '../ui/badge';
import { verdictLabels, verdictOf, type Verdict } from './verdict';

const tones: Record<Verdict, BadgeTone> = {
  unverified: 'neutral',
  deferred: 'info',
  retrying: 'warning',
  verified: 'success',
  failing: 'danger',
};

export function VerdictBadge({ verification }: { verification: Verification | null }) {
  const verdict = verdictOf(verification);
  return <Badge tone={tones[verdict]}>{verdictLabels[verdict]}</Badge>;
}
