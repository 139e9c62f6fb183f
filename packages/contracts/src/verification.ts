import { z } from 'zod';

export const phase = z.enum(['read', 'write']);
export type Phase = z.infer<typeof phase>;

export const hintSeverity = z.enum(['error', 'warning', 'info']);

export const hint = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** Text to copy as is: a statement to add, an external ID, a command. */
  fix: z.string().optional(),
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

export const verification = z.object({
  ok: z.boolean(),
  checkedAt: z.string().optional(),
  results: z.array(verificationResult),
  confusedDeputy: z.object({ checked: z.boolean(), open: z.boolean() }),
  /** About the whole check: which stack was used and why, the confused-deputy warning. */
  hints: z.array(hint).optional(),
  /** True when no stack the trust policy allows is known yet: the check runs on attach. */
  deferred: z.boolean().optional(),
});
export type Verification = z.infer<typeof verification>;

/** Why an integration with "Assume role on worker" has no verification from Rolebridge. */
export const WORKER_VERIFICATION_REASON =
  "This integration assumes the role on your worker, with the worker's own AWS identity, so Rolebridge cannot test it from here. The first run on a worker will show whether the role can be assumed.";
