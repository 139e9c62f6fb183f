import type {
  AttachRequest,
  Phase,
  UpdateAttachmentRequest,
  Verification,
} from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, atLeast, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { Conflict, InputError, NotFound, Unprocessable } from '../http/errors.js';
import { mapUniqueViolation } from '../db/unique-violation.js';
import { toIntegration } from '../integrations/mapping.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { SpacesService } from '../spaces/service.js';
import type { StacksService } from '../stacks/service.js';
import type { VerificationService } from '../verification/service.js';
import type { AttachmentQueries } from './queries.js';
import type { AttachmentsRepository } from './repository.js';
import type { DirectAttachment } from './resolve.js';

const PHASES: Phase[] = ['read', 'write'];

/** Direct attachments: verify first, then store, each change audited. */
export function createAttachmentsService(deps: {
  repo: AttachmentsRepository;
  queries: AttachmentQueries;
  stacks: StacksService;
  integrations: IntegrationsRepository;
  spaces: SpacesService;
  verification: VerificationService;
  audit: AuditLog;
  clock: Clock;
}) {
  const { repo, spaces, audit } = deps;

  async function adminStack(principal: Principal, slug: string) {
    const stack = await deps.stacks.readable(principal, slug);
    await spaces.requireRole(principal, stack.space_id, 'admin');
    return stack;
  }

  /** A stack holds at most one read and one write AWS attachment among its direct ones. */
  function clash(direct: DirectAttachment[], integrationId: string, want: Record<Phase, boolean>) {
    for (const d of direct) {
      if (d.integration.id === integrationId) continue;
      const taken = PHASES.filter((p) => want[p] && d[p]);
      if (taken.length > 0)
        return new Conflict(
          'phase_taken',
          `${d.integration.name} is already attached for ${taken.join(' and ')}; a stack has at most one read and one write AWS integration`,
        );
    }
    return null;
  }

  /** Assumes the role for the newly enabled phases; a refusal is a 422 carrying the hints. */
  async function verifyOrRefuse(
    principal: Principal,
    integrationId: string,
    slug: string,
    phases: Phase[],
  ): Promise<Verification | null> {
    const row = await deps.integrations.find(integrationId);
    if (!row) throw new NotFound('integration_not_found', `No AWS integration ${integrationId}`);
    const verification = await deps.verification.forAttach(
      principal,
      toIntegration(row),
      slug,
      phases,
    );
    const failed = verification?.results.find((r) => !r.ok);
    if (verification && (!verification.ok || failed)) {
      const why = failed?.error
        ? `${failed.error.code}: ${failed.error.message}`
        : 'verification failed';
      throw new Unprocessable(
        'verification_failed',
        `Rolebridge could not assume ${row.role_arn} for stack ${slug} (${failed?.phase ?? phases.join('+')}, external ID ${failed?.externalId ?? ''}): ${why}`,
      ).withExtra({ verification });
    }
    return verification;
  }

  const record = (principal: Principal, action: string, slug: string, detail: object) =>
    audit.record({
      actor: actorOf(principal),
      action,
      targetType: 'stack',
      targetId: slug,
      detail: { ...detail },
    });

  async function effective(slug: string, integrationId: string) {
    const stack = await deps.stacks.find(slug);
    const resolved = await deps.queries.forStack(stack);
    const found = resolved.items.find((i) => i.integration.id === integrationId);
    if (!found) throw new NotFound('attachment_not_found', 'The attachment is gone');
    return found.attachment;
  }

  return {
    async attach(principal: Principal, slug: string, input: AttachRequest) {
      const stack = await adminStack(principal, slug);
      const row = await deps.integrations.find(input.integrationId);
      const usable = await deps.queries.usableSpaces(stack.space_id);
      // Usable by the stack's space is not enough: the caller must also be able to read the
      // integration, or a space admin could hand an ancestor's AWS role to their own workers.
      if (
        !row ||
        !usable.includes(row.space_id) ||
        !atLeast(await spaces.roleIn(principal, row.space_id), 'read')
      )
        throw new InputError(
          `No AWS integration ${input.integrationId} that stacks in space ${stack.space_id} may use`,
          [
            {
              path: 'integrationId',
              message: "Pick an integration from the stack's space or one it inherits from",
            },
          ],
          'integration_not_eligible',
        );
      const direct = await repo.directFor([slug]);
      if (direct.some((d) => d.integration.id === row.id))
        throw new Conflict('already_attached', `${row.name} is already attached to ${slug}`);
      const conflict = clash(direct, row.id, input);
      if (conflict) throw conflict;
      const phases = PHASES.filter((p) => input[p]);
      const verification = await verifyOrRefuse(principal, row.id, slug, phases);
      // The primary key catches an attach of the same pair that raced this one.
      await mapUniqueViolation(
        () =>
          repo.transaction(async (trx) => {
            // Someone may have attached in the meantime: check again under the lock.
            const again = clash(await repo.directFor([slug], trx), row.id, input);
            if (again) throw again;
            await repo.insert(
              trx,
              { stackSlug: slug, ...input },
              {
                createdAt: deps.clock.now().toISOString(),
                createdBy: actorOf(principal),
              },
            );
            await audit.record(
              {
                actor: actorOf(principal),
                action: 'attachment.create',
                targetType: 'stack',
                targetId: slug,
                detail: {
                  integrationId: row.id,
                  read: input.read,
                  write: input.write,
                  verified: verification?.ok ?? null,
                },
              },
              trx,
            );
          }),
        () => new Conflict('already_attached', `${row.name} is already attached to ${slug}`),
      );
      return { attachment: await effective(slug, row.id), verification };
    },

    async update(
      principal: Principal,
      slug: string,
      integrationId: string,
      patch: UpdateAttachmentRequest,
    ) {
      await adminStack(principal, slug);
      const direct = await repo.directFor([slug]);
      const current = direct.find((d) => d.integration.id === integrationId);
      if (!current) throw await notDirect(slug, integrationId);
      const next = { read: patch.read ?? current.read, write: patch.write ?? current.write };
      if (!next.read && !next.write)
        throw new InputError('Enable Read, Write or both; to remove the integration, detach it', [
          { path: 'read', message: 'Enable Read, Write or both' },
        ]);
      const conflict = clash(direct, integrationId, next);
      if (conflict) throw conflict;
      const added = PHASES.filter((p) => next[p] && !current[p]);
      const verification = await verifyOrRefuse(principal, integrationId, slug, added);
      await repo.transaction(async (trx) => {
        await repo.setPhases(trx, { stackSlug: slug, integrationId }, next);
        await audit.record(
          {
            actor: actorOf(principal),
            action: 'attachment.update',
            targetType: 'stack',
            targetId: slug,
            detail: { integrationId, ...next },
          },
          trx,
        );
      });
      return { attachment: await effective(slug, integrationId), verification };
    },

    async detach(principal: Principal, slug: string, integrationId: string) {
      await adminStack(principal, slug);
      const removed = await repo.transaction((trx) =>
        repo.delete(trx, { stackSlug: slug, integrationId }),
      );
      if (!removed) throw await notDirect(slug, integrationId);
      await record(principal, 'attachment.delete', slug, { integrationId });
    },
  };

  /** An auto-attachment is changed through labels, not here; say so rather than 404. */
  async function notDirect(slug: string, integrationId: string) {
    const stack = await deps.stacks.find(slug);
    const auto = (await deps.queries.forStack(stack)).items.some(
      (i) => i.integration.id === integrationId,
    );
    return auto
      ? new Conflict(
          'autoattached',
          `This integration is auto-attached to ${slug} through an autoattach label; remove the label from the stack or the integration instead`,
        )
      : new NotFound('attachment_not_found', `The integration is not attached to ${slug}`);
  }
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
