import type { VerificationResult } from '@rolebridge/contracts';

/** Verification results keyed by `stack@phase`, one per cell of the matrix. */
export type ResultsByCell = Record<string, VerificationResult>;

export const cellKey = (stackSlug: string, phase: string) => `${stackSlug}@${phase}`;

export const byCell = (results: readonly VerificationResult[]): ResultsByCell =>
  Object.fromEntries(results.map((r) => [cellKey(r.stackSlug, r.phase), r]));
