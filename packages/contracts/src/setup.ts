import { z } from 'zod';
import { email, password, role, spaceId, stackSlug } from './fields.js';
import { phase } from './verification.js';

/**
 * What the admin told the wizard about the trust policy, so the first verification tests
 * a stack the policy allows instead of calling a correctly restricted role broken.
 */
export const setupPolicyVariant = z.enum(['any-stack', 'specific-stacks', 'plan-only']);
export type SetupPolicyVariant = z.infer<typeof setupPolicyVariant>;

export const verifyTarget = z.strictObject({
  variant: setupPolicyVariant.optional(),
  stackSlugs: z.array(stackSlug).max(20).optional(),
  /** The trust policy as pasted in step 2; lets hints carry the analyzer's verdict. */
  trustPolicy: z.string().max(102_400, { error: 'A trust policy is at most 100 KB' }).optional(),
});
export type VerifyTarget = z.infer<typeof verifyTarget>;

/** `POST /api/integrations/aws/:id/verify` */
export const verifyRequest = z.strictObject({
  stack: stackSlug.optional(),
  phases: z.array(phase).min(1).max(2).optional(),
  target: verifyTarget.optional(),
  /** The role or its trust policy was just changed: retry AccessDenied while IAM propagates. */
  roleChangedRecently: z.boolean().optional(),
});
export type VerifyRequest = z.infer<typeof verifyRequest>;

/** `POST /api/sandbox/roles` — sandbox mode only: create the role in the customer account. */
export const createSandboxRoleRequest = z.strictObject({
  roleName: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, { error: 'Use 1 to 64 letters, digits or +=,.@_-' }),
  trustPolicy: z
    .string()
    .min(2)
    .max(2048, { error: 'IAM trust policies are at most 2048 characters' }),
  maxSessionDuration: z.int().min(3600).max(43200).default(3600),
  description: z.string().max(1000).optional(),
});
export const createSandboxRoleResponse = z.object({ roleArn: z.string(), roleName: z.string() });

/** `GET /api/launchpad` */
export const launchpadStepId = z.enum([
  'name-account',
  'integrate-cloud',
  'create-stack',
  'invite-teammates',
]);
export const launchpad = z.object({
  steps: z.array(z.object({ id: launchpadStepId, title: z.string(), complete: z.boolean() })),
  completed: z.int(),
  total: z.int(),
});
export type Launchpad = z.infer<typeof launchpad>;

/** Teammates: an admin invites by email; the link carries a one-time token (7 days). */
export const createInviteRequest = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(email),
  role,
  spaceId,
});
export const invite = z.object({
  id: z.string(),
  email: z.string(),
  role,
  spaceId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof invite>;
/** The link is shown once, to the admin who created the invite. */
export const createInviteResponse = z.object({ invite, link: z.string() });
export const inviteList = z.object({ items: z.array(invite) });

/** Public: what the accept page shows before the invitee sets a password. */
export const invitePreview = z.object({
  email: z.string(),
  role,
  spaceName: z.string(),
  accountName: z.string(),
  expiresAt: z.string(),
});
const inviteToken = z.string().min(20).max(200);
export const acceptInviteRequest = z.strictObject({ token: inviteToken, password });
/** `POST /api/invites/preview`: in the body, since a query string ends up in logs. */
export const invitePreviewRequest = z.strictObject({ token: inviteToken });

export const userSummary = z.object({
  id: z.string(),
  email: z.string(),
  createdAt: z.string(),
  memberships: z.array(z.object({ spaceId: z.string(), role })),
});
export const userList = z.object({ items: z.array(userSummary) });
