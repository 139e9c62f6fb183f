import type { AwsIntegration } from '@rolebridge/contracts';
import { VerdictBadge } from '../../../components/verification/verdict-badge';

export function StatusBadge({
  integration,
}: {
  integration: Pick<AwsIntegration, 'lastVerification'>;
}) {
  return <VerdictBadge verification={integration.lastVerification} />;
}
