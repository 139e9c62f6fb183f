import type { AwsIntegration } from '@rolebridge/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { verificationStatus } from '../utils/status';

const tones: Record<ReturnType<typeof verificationStatus>['key'], BadgeTone> = {
  unverified: 'neutral',
  verified: 'success',
  failing: 'danger',
};

export function StatusBadge({
  integration,
}: {
  integration: Pick<AwsIntegration, 'lastVerification'>;
}) {
  const status = verificationStatus(integration);
  return <Badge tone={tones[status.key]}>{status.label}</Badge>;
}
