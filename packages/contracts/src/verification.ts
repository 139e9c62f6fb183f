import { z } from 'zod';

export const phase = z.enum(['read', 'write']);
export type Phase = z.infer<typeof phase>;

export const hintSeverity = z.enum(['error', 'warning', 'info']);

/** One more thing to copy for a fix, e.g. the whole corrected policy or the command to apply it. */
export const hintFix = z.object({
  kind: z.enum(['statement', 'policy', 'command']),
  /** Says what it is and what it replaces, next to its copy button. */
  label: z.string(),
  value: z.string(),
});
export type HintFix = z.infer<typeof hintFix>;

export const hint = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** Text to copy as is: a statement to add, an external ID, a command. */
  fix: z.string().optional(),
  /** Besides `fix`: the whole corrected document and a ready command that applies it. */
  fixes: z.array(hintFix).optional(),
  /** Absent means error: the check failed and this says why. */
  severity: hintSeverity.optional(),
});
export type Hint = z.infer<typeof hint>;

export const verificationResult = z.object({
  stackSlug: z.string(),
  phase,
  externalId: z.string(),
  ok: z.boolean(),
  assumedRoleArn: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  hints: z.array(hint),
  /** More than 1 when AccessDenied was retried while a role change propagated through IAM. */
  attempts: z.int().optional(),
});

export type VerificationResult = z.infer<typeof verificationResult>;

/**
 * A refusal that may only mean IAM has not reached STS yet: the check goes on in the
 * background and the stored verification says how far it got, for every replica to read.
 */
export const verificationRetry = z.object({
  attempt: z.int().min(1),
  startedAt: z.string(),
  /** Time from the first attempt to the latest one. */
  elapsedMs: z.int().min(0),
  /** No attempt starts after this; past it, a retry that was not finished was abandoned. */
  until: z.string(),
});
export type VerificationRetry = z.infer<typeof verificationRetry>;

export const verification = z.object({
  ok: z.boolean(),
  checkedAt: z.string().optional(),
  results: z.array(verificationResult),
  confusedDeputy: z.object({ checked: z.boolean(), open: z.boolean() }),
  /** About the whole check: which stack was used and why, the confused-deputy warning. */
  hints: z.array(hint).optional(),
  /** True when no stack the trust policy allows is known yet: the check runs on attach. */
  deferred: z.boolean().optional(),
  /** Present while refused checks are retried in the background. */
  retrying: verificationRetry.optional(),
  /** When a verification of this integration last passed, if it does not pass now. */
  lastOkAt: z.string().optional(),
});
export type Verification = z.infer<typeof verification>;

/** Why an integration with "Assume role on worker" has no verification from Rolebridge. */
export const WORKER_VERIFICATION_REASON =
  "This integration assumes the role on your worker, with the worker's own AWS identity, so Rolebridge cannot test it from here. The first run on a worker will show whether the role can be assumed.";
