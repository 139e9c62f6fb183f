import { z } from 'zod';
import { labels, name, spaceId, stackSlug, ulid } from './fields.js';
import { awsIntegration } from './integrations.js';
import { actorRef, namedRef } from './names.js';
import { cursor, limit, page } from './pagination.js';
import { problem } from './problem.js';
import { phase, verification } from './verification.js';

export const stack = z.object({
  slug: z.string(),
  name: z.string(),
  spaceId: z.string(),
  labels: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Stack = z.infer<typeof stack>;

export const createStackRequest = z.strictObject({
  slug: stackSlug,
  name,
  spaceId,
  labels: labels.default([]),
});
export type CreateStackRequest = z.input<typeof createStackRequest>;

/** The slug is part of every external ID, so it never changes after creation. */
export const updateStackRequest = z.strictObject({
  name: name.optional(),
  spaceId: spaceId.optional(),
  labels: labels.optional(),
});
export type UpdateStackRequest = z.infer<typeof updateStackRequest>;

export const listStacksQuery = z.strictObject({
  space: spaceId.optional(),
  q: z.string().max(100).optional(),
  limit,
  cursor: cursor.optional(),
});
export type ListStacksQuery = z.infer<typeof listStacksQuery>;
export const stackList = page(stack);

/** An AWS integration attached to a stack, directly or through an autoattach label. */
export const attachment = z.object({
  integrationId: z.string(),
  integrationName: z.string(),
  integrationSpaceId: z.string(),
  stackSlug: z.string(),
  stackName: z.string(),
  stackSpaceId: z.string(),
  read: z.boolean(),
  write: z.boolean(),
  isAutoattached: z.boolean(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;
/**
 * A stack whose labels match an integration's `autoattach:` label but which does not get it:
 * another integration holds a phase (`phase_held`), the stack's space may not use the
 * integration's (`space`), or the integration has auto-attach turned off (`autoattach_off`).
 */
export const autoattachConflict = z.object({
  integrationId: z.string(),
  integrationName: z.string(),
  stackSlug: z.string(),
  stackName: z.string(),
  stackSpaceId: z.string(),
  /** The integration's label the stack matched, e.g. `autoattach:prod`. */
  label: z.string(),
  cause: z.enum(['phase_held', 'space', 'autoattach_off']),
  reason: z.string(),
});
export type AutoattachConflict = z.infer<typeof autoattachConflict>;
export const attachmentList = z.object({
  items: z.array(attachment),
  /** Matching stacks that auto-attach could not reach, each with the reason. */
  conflicts: z.array(autoattachConflict).default([]),
});
export type AttachmentList = z.infer<typeof attachmentList>;

const atLeastOnePhase = (v: { read?: boolean; write?: boolean }) =>
  v.read === true || v.write === true;

export const attachRequest = z
  .strictObject({ integrationId: ulid, read: z.boolean(), write: z.boolean() })
  .refine(atLeastOnePhase, { error: 'Enable Read, Write or both', path: ['read'] });
export type AttachRequest = z.infer<typeof attachRequest>;

export const updateAttachmentRequest = z.strictObject({
  read: z.boolean().optional(),
  write: z.boolean().optional(),
});
export type UpdateAttachmentRequest = z.infer<typeof updateAttachmentRequest>;

/**
 * 201 from attach and 200 from update: the attachment and the check that let it through
 * (null for integrations that assume the role on the worker, which Rolebridge cannot test).
 */
export const attachResponse = z.object({
  attachment,
  verification: verification.nullable(),
});

/** 422 `trust_policy_denies` from attach/update: the failed check, with its hints. */
export const attachRefusedProblem = problem.extend({ verification });

/** 409 `integration_attached` from deleting an integration: who still uses it. */
export const integrationAttachedProblem = problem.extend({ stacks: z.array(z.string()) });

/** Integrations a stack may attach: from its space or ancestors it inherits from. */
export const attachableIntegrations = z.object({ items: z.array(awsIntegration) });

/** The stack's environment tab: what a run would get, values never shown. */
export const stackEnvironment = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      value: z.literal('<computed>'),
      integrationId: z.string(),
      integrationName: z.string(),
      phases: z.array(phase),
      isAutoattached: z.boolean(),
    }),
  ),
});
export type StackEnvironment = z.infer<typeof stackEnvironment>;

/** plan runs use the read external ID, apply runs the write one. */
export const runPhase = z.enum(['plan', 'apply']);
export type RunPhase = z.infer<typeof runPhase>;
export const startRunRequest = z.strictObject({ phase: runPhase });

export const COMPUTED = '<computed>';
export const run = z.object({
  id: z.string(),
  stackSlug: z.string(),
  phase: runPhase,
  createdAt: z.string(),
  createdBy: z.string(),
  /** The stack's name now. */
  stackName: z.string(),
  /** `createdBy` as a person reads it. */
  startedBy: actorRef,
  /** The integration attached for the run's phase; null when none was. */
  integrationId: z.string().nullable(),
  /** The same, with its name; the name is null when the integration was deleted since. */
  integration: namedRef.nullable(),
  /** `arn:aws:sts::…:assumed-role/<role>/<run-id>@<stack>@<account>`; null on the worker. */
  assumedRoleArn: z.string().nullable(),
  /** Names of the computed variables; values are never shown here. */
  environment: z.array(z.object({ name: z.string(), value: z.literal(COMPUTED) })),
  expiresAt: z.string().nullable(),
});
export type Run = z.infer<typeof run>;
export const runList = z.object({ items: z.array(run) });

/**
 * What a worker token gets: clear credentials until they expire, or, for integrations
 * that assume the role on the worker, what the worker needs to assume it itself.
 */
export const runEnvironment = z.object({
  variables: z.record(z.string(), z.string()),
  expiresAt: z.string().nullable(),
  assumeRoleOnWorker: z
    .array(
      z.object({
        roleArn: z.string(),
        externalId: z.string(),
        durationSeconds: z.int(),
        region: z.string().nullable(),
        phase: z.enum(['read', 'write']),
      }),
    )
    .default([]),
});
export type RunEnvironment = z.infer<typeof runEnvironment>;

/** The CLI's configuration, read from its environment. */
export const cliEnv = z.object({
  ROLEBRIDGE_URL: z.url({
    error: 'Set ROLEBRIDGE_URL to the console URL, e.g. http://localhost:8080',
  }),
  ROLEBRIDGE_TOKEN: z
    .string({ error: 'Set ROLEBRIDGE_TOKEN to a worker token (rb_…)' })
    .regex(/^rb_[0-9A-Z]{26}\.\S+$/, {
      error: 'ROLEBRIDGE_TOKEN is not a Rolebridge token (rb_…)',
    }),
});
export type CliEnv = z.infer<typeof cliEnv>;

export const PHASE_OF_RUN = { plan: 'read', apply: 'write' } as const satisfies Record<
  RunPhase,
  z.infer<typeof phase>
>;
