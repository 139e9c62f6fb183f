import { z } from 'zod';
import { externalId, stackSlug } from './fields.js';
import { analyzeRequestContext } from './trust-policy-context.js';
import { phase } from './verification.js';

/**
 * Far above IAM's 4,096-character quota, so an oversized paste still reaches the analyzer
 * and comes back as a finding with a position; only absurd bodies are refused outright.
 */
export const MAX_POLICY_TEXT = 102_400;

export const analyzeTrustPolicyRequest = z.strictObject({
  policy: z.string({ error: 'Paste the trust policy as text' }).max(MAX_POLICY_TEXT, {
    error: 'The policy is over 100 KB; a trust policy is at most 4096 characters',
  }),
  externalIds: z
    .array(externalId, { error: 'List the external IDs Rolebridge will send' })
    .min(1, { error: 'Give at least one external ID to check' })
    .max(200, { error: 'Check at most 200 external IDs at a time' }),
  principalArn: z
    .string()
    .max(2048, { error: 'An ARN is at most 2048 characters' })
    .regex(/^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:\S+$/, {
      error: 'Use an IAM or STS ARN such as arn:aws:iam::111111111111:user/rolebridge',
    })
    .optional(),
  /** What else the AssumeRole carries; the server fills in what Rolebridge itself sends. */
  context: analyzeRequestContext.optional(),
});
export type AnalyzeTrustPolicyRequest = z.infer<typeof analyzeTrustPolicyRequest>;

export const findingSeverity = z.enum(['error', 'warning', 'info']);

export const trustPolicyFinding = z.object({
  severity: findingSeverity,
  code: z.string(),
  message: z.string(),
  /** JSON path into the policy, e.g. `$.Statement[0].Condition`. */
  path: z.string().optional(),
  line: z.int().optional(),
  column: z.int().optional(),
  /** The corrected policy, for the failures the analyzer knows how to repair. */
  fix: z.string().optional(),
});
export type TrustPolicyFinding = z.infer<typeof trustPolicyFinding>;

export const conditionExplanation = z.object({
  operator: z.string(),
  key: z.string(),
  values: z.array(z.string()),
  /** The value the request carried for the key; null when it was not sent. */
  actual: z.union([z.string(), z.array(z.string()), z.null()]),
  matched: z.boolean(),
});

export const statementExplanation = z.object({
  index: z.int(),
  sid: z.string().optional(),
  effect: z.enum(['Allow', 'Deny']),
  principal: z.object({ matched: z.boolean(), reason: z.string() }),
  action: z.object({ matched: z.boolean() }),
  conditions: z.array(conditionExplanation),
  matched: z.boolean(),
});
export type StatementExplanation = z.infer<typeof statementExplanation>;

export const trustDecision = z.enum(['allow', 'implicit-deny', 'explicit-deny']);

export const externalIdResult = z.object({
  externalId: z.string(),
  decision: trustDecision,
  /** Set when the refusal is for sts:TagSession or sts:SetSourceIdentity. */
  action: z.enum(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']).optional(),
  statements: z.array(statementExplanation),
  notes: z.array(z.string()).optional(),
});

export const analyzeTrustPolicyResponse = z.object({
  valid: z.boolean(),
  findings: z.array(trustPolicyFinding),
  results: z.array(externalIdResult),
  suggestedPolicy: z.string().optional(),
});
export type AnalyzeTrustPolicyResponse = z.infer<typeof analyzeTrustPolicyResponse>;

/** Query strings carry text, so flags arrive as "true"/"false". */
const flag = z
  .enum(['true', 'false'], { error: 'Use true or false' })
  .transform((v) => v === 'true')
  .default(true);

export const externalIdQuery = z
  .strictObject({
    stack: z.string({ error: 'Name one stack, e.g. ?stack=prod' }).pipe(stackSlug),
    read: flag,
    write: flag,
  })
  .refine((q) => q.read || q.write, {
    path: ['read'],
    error: 'Ask for the read phase, the write phase or both',
  });
export type ExternalIdQuery = z.infer<typeof externalIdQuery>;

const policyDocument = z.record(z.string(), z.unknown());

export const externalIdResponse = z.object({
  externalIds: z.array(z.object({ phase, externalId: z.string() })),
  /** The `StringEquals` statement for exactly these IDs, ready to add to the trust policy. */
  statement: policyDocument,
  /** A whole trust policy holding only that statement, pretty-printed. */
  policy: z.string(),
});
export type ExternalIdResponse = z.infer<typeof externalIdResponse>;
