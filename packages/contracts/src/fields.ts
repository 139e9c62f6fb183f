import { z } from 'zod';
import { describeRoleArnProblem } from './role-arn.js';

/** The console's tenant name; it is part of every external ID, so its alphabet is narrow. */
export const accountName = z.string().regex(/^(?=.{2,39}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
  // A leading hyphen reads as an option to the CLI commands the console prints.
  error: 'Use 2 to 39 lowercase letters, digits and hyphens, not starting or ending with a hyphen',
});

export const name = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(100, { error: 'Use at most 100 characters' })
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'Remove control characters' });

export const spaceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'Not a space ID (lowercase letters, digits, -)' });

export const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Not a valid ID' });

export const label = z
  .string()
  .min(1, { error: 'A label cannot be empty' })
  .max(64, { error: 'Use at most 64 characters per label' })
  .regex(/^[^\s,]+$/, { error: 'Labels cannot contain spaces or commas' });

export const labels = z
  .array(label)
  .max(50, { error: 'Use at most 50 labels' })
  .refine((items) => new Set(items).size === items.length, { error: 'Labels must be unique' });

export const roleArn = z
  .string()
  // A copy from the AWS console or a terminal often brings a space or newline along.
  .trim()
  .max(2048, { error: 'A role ARN is at most 2048 characters' })
  .superRefine((value, ctx) => {
    const problem = describeRoleArnProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** AWS region codes as they appear in endpoints, e.g. us-east-2 or us-gov-west-1. */
export const awsRegion = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, {
  error: 'Use an AWS region code such as us-east-2',
});

export const durationSeconds = z
  .int({ error: 'Duration must be a whole number of seconds' })
  .min(900, { error: 'Duration must be at least 900 seconds (15 minutes)' })
  .max(3600, { error: 'Duration must be at most 3600 seconds (1 hour)' });

/** AWS's own constraint on sts:AssumeRole ExternalId. */
export const externalId = z
  .string()
  .min(2, { error: 'An external ID has at least 2 characters' })
  .max(1224, { error: 'An external ID has at most 1224 characters' })
  .regex(/^[\w+=,.@:/-]*$/, {
    error: 'An external ID may contain only letters, digits and _+=,.@:/-',
  });

export const stackSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
  error: 'Use lowercase letters, digits and hyphens (at most 64)',
});

export const email = z.email({ error: 'Enter an email address' }).max(254);

export { password } from './password.js';

export const isoDateTime = z.iso.datetime();

export const role = z.enum(['admin', 'write', 'read']);
export type Role = z.infer<typeof role>;
