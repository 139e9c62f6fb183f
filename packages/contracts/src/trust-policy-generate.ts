import { z } from 'zod';
import { stackSlug, ulid } from './fields.js';
import { phase } from './verification.js';

export const trustPolicyVariant = z.enum(['any-stack', 'specific-stacks', 'plan-only', 'exact'], {
  error: 'Pick any-stack, specific-stacks, plan-only or exact',
});
export type TrustPolicyVariant = z.infer<typeof trustPolicyVariant>;

// The same limits IAM, S3 and DynamoDB apply, so the generator never produces what AWS refuses.
const iamRoleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, {
  error: 'Use 1 to 64 letters, digits and +=,.@_-',
});
const managedPolicyArn = z
  .string()
  .max(2048, { error: 'An ARN is at most 2048 characters' })
  .regex(/^arn:aws[a-z-]*:iam::(?:aws|\d{12}):policy\/[\w+=,.@/-]+$/, {
    error: 'Use a managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess',
  });

export const s3BackendRequest = z.strictObject({
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    error: 'Use a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens',
  }),
  /** "stacks/" covers every state under it; a full key covers just that state. */
  keyPrefix: z
    .string({ error: 'Enter the state key or a prefix ending in "/"' })
    .max(1024, { error: 'An S3 key is at most 1024 characters' })
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f*?]*$/, { error: 'Remove control characters and * or ?' }),
  dynamoDbTable: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, {
      error: 'Use a table name of 3 to 255 letters, digits and _.-',
    })
    .optional(),
  lockfile: z.boolean({ error: 'Must be true or false' }).optional(),
});

export const generateTrustPolicyRequest = z
  .strictObject({
    variant: trustPolicyVariant,
    stackSlugs: z
      .array(stackSlug)
      .min(1, { error: 'Pick at least one stack' })
      .max(100, { error: 'Pick at most 100 stacks' })
      .refine((s) => new Set(s).size === s.length, { error: 'Each stack only once' })
      .optional(),
    integrationId: ulid.optional(),
    phase: phase.optional(),
    /** Of the CloudFormation template. */
    format: z.enum(['yaml', 'json'], { error: 'Use yaml or json' }).default('yaml'),
    roleName: iamRoleName.default('rolebridge'),
    maxSessionDuration: z
      .int({ error: 'Use a whole number of seconds' })
      .min(3600, { error: 'IAM allows at least 3600 seconds' })
      .max(43200, { error: 'IAM allows at most 43200 seconds (12 hours)' })
      .optional(),
    managedPolicyArns: z
      .array(managedPolicyArn)
      .max(20, { error: 'A role holds at most 20 managed policies' })
      .optional(),
    s3Backend: s3BackendRequest.optional(),
  })
  .superRefine((value, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const stacks = value.stackSlugs?.length ?? 0;
    if (value.variant === 'specific-stacks' && stacks === 0)
      issue('stackSlugs', 'Pick at least one stack');
    // Silently ignoring a field would hand back a broader policy than the caller asked for.
    if (value.variant === 'any-stack' && value.stackSlugs)
      issue('stackSlugs', 'Any-stack policies name no stacks; use specific-stacks');
    if (value.variant !== 'exact') {
      if (value.integrationId) issue('integrationId', 'Only the exact statement names one');
      if (value.phase) issue('phase', 'Only the exact statement names a phase');
      return;
    }
    if (!value.integrationId) issue('integrationId', 'The exact statement needs the integration');
    if (!value.phase) issue('phase', 'Pick read (plan) or write (apply)');
    if (stacks !== 1) issue('stackSlugs', 'The exact statement names exactly one stack');
  });
export type GenerateTrustPolicyRequest = z.input<typeof generateTrustPolicyRequest>;

const policyDocument = z.record(z.string(), z.unknown());

export const generateTrustPolicyResponse = z.object({
  policy: policyDocument,
  /** `policy`, pretty-printed for copying. */
  json: z.string(),
  /** The values in the sts:ExternalId condition. */
  patterns: z.array(z.string()),
  awsCli: z.string(),
  cloudFormation: z.string(),
  terraform: z.string(),
  s3BackendPolicy: z.object({ policy: policyDocument, json: z.string() }).optional(),
});
export type GenerateTrustPolicyResponse = z.infer<typeof generateTrustPolicyResponse>;
