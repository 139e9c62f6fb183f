import { z } from 'zod';
import { awsRegion, isoDateTime, roleArn } from './fields.js';

// The optional request context of POST /api/trust-policy/analyze: everything besides the
// external ID that an AssumeRole carries, so the analyzer answers what STS (or the sandbox)
// would. Constraints are the STS API's (AssumeRole: Tags, TransitiveTagKeys, SourceIdentity,
// RoleSessionName), https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

const STS_NAME = /^[\w+=,.@-]*$/;
const tagKey = z
  .string()
  .min(1, { error: 'A tag key is 1 to 128 characters' })
  .max(128, { error: 'A tag key is 1 to 128 characters' })
  .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, {
    error: 'Tag keys use letters, digits, spaces and _ . : / = + - @',
  });
const tagValue = z
  .string()
  .max(256, { error: 'A tag value is at most 256 characters' })
  .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, {
    error: 'Tag values use letters, digits, spaces and _ . : / = + - @',
  });
const tags = z
  .record(tagKey, tagValue)
  .refine((t) => Object.keys(t).length <= 50, { error: 'At most 50 tags' });
const sourceIdentity = z
  .string()
  .min(2, { error: 'A source identity is 2 to 64 characters' })
  .max(64, { error: 'A source identity is 2 to 64 characters' })
  .regex(STS_NAME, { error: 'A source identity uses letters, digits and _ + = , . @ -' });
const iamId = z.string().regex(/^[A-Z0-9]{16,128}$/, { error: 'Not an IAM unique ID' });

export const analyzeCaller = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('user'),
      arn: z
        .string()
        .regex(/^arn:aws[a-z-]*:iam::\d{12}:user\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/, {
          error: 'Use an IAM user ARN such as arn:aws:iam::111111111111:user/rolebridge',
        }),
      userId: iamId.optional(),
      tags: tags.optional(),
    }),
    z.strictObject({
      type: z.literal('role-session'),
      /** The role with its path: aws:PrincipalArn of the session. */
      roleArn,
      sessionName: z
        .string()
        .min(2, { error: 'A session name is 2 to 64 characters' })
        .max(64, { error: 'A session name is 2 to 64 characters' })
        .regex(STS_NAME, { error: 'A session name uses letters, digits and _ + = , . @ -' }),
      roleId: iamId.optional(),
      /** The role's tags and the session's own. */
      tags: tags.optional(),
      sourceIdentity: sourceIdentity.optional(),
      issuedAt: isoDateTime.optional(),
    }),
  ],
  {
    error: 'The caller is { type: "user", arn } or { type: "role-session", roleArn, sessionName }',
  },
);
export type AnalyzeCaller = z.infer<typeof analyzeCaller>;

export const analyzeRequestContext = z.strictObject({
  roleSessionName: z
    .string()
    .min(2, { error: 'A session name is 2 to 64 characters' })
    .max(64, { error: 'A session name is 2 to 64 characters' })
    .regex(STS_NAME, { error: 'A session name uses letters, digits and _ + = , . @ -' })
    .optional(),
  sourceIp: z.union([z.ipv4(), z.ipv6()], { error: 'Give an IPv4 or IPv6 address' }).optional(),
  /** The time of the call; the server's clock when absent. */
  time: z.iso
    .datetime({ offset: true, error: 'Use an ISO 8601 time such as 2026-01-31T12:00:00Z' })
    .optional(),
  region: awsRegion.optional(),
  sessionTags: tags.optional(),
  transitiveTagKeys: z.array(tagKey).max(50, { error: 'At most 50 tag keys' }).optional(),
  sourceIdentity: sourceIdentity.optional(),
  caller: analyzeCaller.optional(),
});
export type AnalyzeRequestContext = z.infer<typeof analyzeRequestContext>;
