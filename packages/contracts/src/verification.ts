import { z } from 'zod';

export const phase = z.enum(['read', 'write']);
export type Phase = z.infer<typeof phase>;

export const hint = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  fix: z.string().optional(),
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
});

export const verification = z.object({
  ok: z.boolean(),
  checkedAt: z.string().optional(),
  results: z.array(verificationResult),
  confusedDeputy: z.object({ checked: z.boolean(), open: z.boolean() }),
});
export type Verification = z.infer<typeof verification>;
