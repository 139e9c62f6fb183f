import { z } from 'zod';
import {
  awsRegion,
  durationSeconds,
  externalId,
  label,
  labels,
  name,
  roleArn,
  spaceId,
} from './fields.js';
import { cursor, limit, page } from './pagination.js';
import { verifyTarget } from './setup.js';
import { integrationHealth } from './health.js';
import { verification } from './verification.js';

export const awsIntegration = z.object({
  id: z.string(),
  name: z.string(),
  spaceId: z.string(),
  roleArn: z.string(),
  assumeRoleOnWorker: z.boolean(),
  externalId: z.string().nullable(),
  durationSeconds: z.int(),
  region: z.string().nullable(),
  labels: z.array(z.string()),
  autoattachEnabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastVerification: verification.nullable(),
  health: integrationHealth,
});
export type AwsIntegration = z.infer<typeof awsIntegration>;

const integrationFields = {
  name,
  spaceId,
  roleArn,
  assumeRoleOnWorker: z.boolean({ error: 'Must be true or false' }),
  externalId: externalId.nullable(),
  durationSeconds,
  region: awsRegion.nullable(),
  labels,
  autoattachEnabled: z.boolean({ error: 'Must be true or false' }),
};

/** A custom external ID only means something when the worker assumes the role itself. */
function externalIdNeedsWorker(
  value: { assumeRoleOnWorker?: boolean; externalId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.externalId && !value.assumeRoleOnWorker) {
    ctx.addIssue({
      code: 'custom',
      path: ['externalId'],
      message: 'A custom external ID can only be set when "Assume role on worker" is on',
    });
  }
}

export const createAwsIntegrationRequest = z
  .strictObject({
    ...integrationFields,
    assumeRoleOnWorker: integrationFields.assumeRoleOnWorker.default(false),
    externalId: integrationFields.externalId.optional(),
    durationSeconds: durationSeconds.default(3600),
    region: integrationFields.region.optional(),
    labels: labels.default([]),
    autoattachEnabled: integrationFields.autoattachEnabled.default(false),
    /** Not stored: tells the first verification which stacks the trust policy allows. */
    verifyTarget: verifyTarget.optional(),
  })
  .superRefine(externalIdNeedsWorker);
export type CreateAwsIntegrationRequest = z.input<typeof createAwsIntegrationRequest>;

export const updateAwsIntegrationRequest = z
  .strictObject({
    name: name.optional(),
    spaceId: spaceId.optional(),
    roleArn: roleArn.optional(),
    assumeRoleOnWorker: integrationFields.assumeRoleOnWorker.optional(),
    externalId: integrationFields.externalId.optional(),
    durationSeconds: durationSeconds.optional(),
    region: integrationFields.region.optional(),
    labels: labels.optional(),
    autoattachEnabled: integrationFields.autoattachEnabled.optional(),
  })
  .superRefine(externalIdNeedsWorker);
export type UpdateAwsIntegrationRequest = z.infer<typeof updateAwsIntegrationRequest>;

/** `?label=a&label=b` arrives as a string or an array depending on how many were sent. */
const repeated = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(item).max(20),
  );

/** An integration's last verification: passed, failed, or none yet. */
export const verificationStatus = z.enum(['verified', 'failing', 'not-checked'], {
  error: 'status must be verified, failing or not-checked',
});
export type VerificationStatus = z.infer<typeof verificationStatus>;

export const listAwsIntegrationsQuery = z.strictObject({
  label: repeated(label),
  space: spaceId.optional(),
  q: z.string().max(100, { error: 'Search at most 100 characters' }).optional(),
  status: verificationStatus.optional(),
  limit,
  cursor: cursor.optional(),
});
export type ListAwsIntegrationsQuery = z.infer<typeof listAwsIntegrationsQuery>;

export const awsIntegrationList = page(awsIntegration).extend({
  /** Integrations matching the filters, over all pages; counted exactly up to 500. */
  total: z.int().nonnegative(),
  /** False when more matched than were counted: show "500+". */
  totalExact: z.boolean(),
});
export type AwsIntegrationList = z.infer<typeof awsIntegrationList>;

export const createAwsIntegrationResponse = z.object({
  integration: awsIntegration,
  verification: verification.nullable(),
});
