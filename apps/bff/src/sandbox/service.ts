import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CUSTOMER_ACCOUNT_ID } from '@rolebridge/aws-sandbox';
import type { createSandboxRoleRequest } from '@rolebridge/contracts';
import type { z } from 'zod';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { Conflict, InputError, NotFound, Upstream } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import { failureOf } from '../verification/assume-role.js';

type CreateRoleInput = z.output<typeof createSandboxRoleRequest>;

/** Refusals that say our own credentials are wrong, not the user's input. */
const PLATFORM_FAULTS = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'ExpiredToken',
  'Throttling',
]);

const isClientFault = (err: unknown) =>
  (err as { $fault?: unknown }).$fault === 'client' &&
  ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 500) < 500;

/** IAM names the member it refused ('roleName', ...); anything else is about the policy. */
function fieldOf(message: string): string {
  const member = /at '(roleName|description|maxSessionDuration)'/i.exec(message)?.[1];
  return member ? member.charAt(0).toLowerCase() + member.slice(1) : 'trustPolicy';
}

export interface SandboxTarget {
  url: string;
  /** The customer account's admin: roles are created in 222222222222, as a customer would. */
  adminCredentials: { accessKeyId: string; secretAccessKey: string };
}

export function createSandboxService(deps: {
  sandbox: SandboxTarget | undefined;
  spaces: SpacesService;
  audit: AuditLog;
}) {
  const { sandbox, spaces, audit } = deps;
  const iam =
    sandbox &&
    new IAMClient({
      endpoint: sandbox.url,
      region: 'us-east-1',
      credentials: sandbox.adminCredentials,
      maxAttempts: 1,
    });

  return {
    async createRole(principal: Principal, input: CreateRoleInput) {
      if (!iam) {
        throw new NotFound(
          'not_in_sandbox_mode',
          'Rolebridge talks to real AWS; create the role in your AWS account instead',
        );
      }
      await spaces.requireRole(principal, 'root', 'admin');
      const out = await iam
        .send(
          new CreateRoleCommand({
            RoleName: input.roleName,
            AssumeRolePolicyDocument: input.trustPolicy,
            MaxSessionDuration: input.maxSessionDuration,
            ...(input.description && { Description: input.description }),
          }),
        )
        .catch((err: unknown) => {
          const { code, message } = failureOf(err);
          if (code === 'EntityAlreadyExists')
            throw new Conflict('role_exists', `A role named "${input.roleName}" already exists`, [
              { path: 'roleName', message: 'A role with this name already exists' },
            ]);
          // IAM judged what the user typed (policy, name, description): their input is at
          // fault, so a 400 with IAM's own words. Only our keys or IAM itself failing is a 502.
          if (isClientFault(err) && !PLATFORM_FAULTS.has(code))
            throw new InputError(message, [{ path: fieldOf(message), message }]);
          throw new Upstream(code, `IAM refused CreateRole: ${message}`);
        });
      const roleArn = out.Role?.Arn ?? '';
      await audit.record({
        actor: actorOf(principal),
        action: 'sandbox.role_create',
        targetType: 'iam_role',
        targetId: roleArn,
        detail: { roleName: input.roleName, maxSessionDuration: input.maxSessionDuration },
      });
      return { roleArn, roleName: out.Role?.RoleName ?? input.roleName };
    },
    /**
     * The role as IAM holds it now, for roles in the sandbox customer account: whether it
     * exists and its trust policy. Null when unknown (not sandbox mode, another account, an
     * error). Real AWS gives Rolebridge no such view into a customer's account.
     */
    async describeRole(
      roleArn: string,
    ): Promise<{ exists: false } | { exists: true; trustPolicy: string } | null> {
      if (!iam || roleArn.split(':')[4] !== CUSTOMER_ACCOUNT_ID) return null;
      try {
        const out = await iam.send(new GetRoleCommand({ RoleName: roleArn.split('/').pop() }));
        if (out.Role?.Arn !== roleArn) return { exists: false };
        const document = out.Role.AssumeRolePolicyDocument ?? '';
        // IAM sends the document URL-encoded.
        return { exists: true, trustPolicy: decodeURIComponent(document) };
      } catch (err) {
        return failureOf(err).code === 'NoSuchEntity' ? { exists: false } : null;
      }
    },
    destroy() {
      iam?.destroy();
    },
  };
}

export type SandboxService = ReturnType<typeof createSandboxService>;
