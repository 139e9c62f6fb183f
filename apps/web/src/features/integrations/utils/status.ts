import type { AwsIntegration } from '@rolebridge/contracts';

export type VerificationStatus = { key: 'unverified' | 'verified' | 'failing'; label: string };

export function verificationStatus(
  integration: Pick<AwsIntegration, 'lastVerification'>,
): VerificationStatus {
  const last = integration.lastVerification;
  if (last === null) return { key: 'unverified', label: 'Not verified' };
  return last.ok ? { key: 'verified', label: 'Verified' } : { key: 'failing', label: 'Failing' };
}
