import { ulid } from 'ulid';
import { PHASE_OF_RUN, type Run, type RunPhase } from '@rolebridge/contracts';
import { formatExternalId } from '@rolebridge/trust-policy';
import type { AccountService } from '../account/service.js';
import type { AttachmentQueries } from '../attachments/queries.js';
import { forPhase } from '../attachments/resolve.js';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, atLeast, type Principal } from '../auth/principal.js';
import type { StsClients } from '../aws/sts-clients.js';
import type { Clock } from '../clock.js';
import { Conflict, NotFound } from '../http/errors.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { NamesRepository } from '../names/repository.js';
import type { SpacesService } from '../spaces/service.js';
import type { StacksRepository } from '../stacks/repository.js';
import { requireRunStarter } from './access.js';
import { assumeForRun } from './assume.js';
import type { RunCredentialStore } from './credential-store.js';
import type { CliTarget } from '../aws/cli-target.js';
import type { RunRow, RunsRepository } from './repository.js';
import { runSessionName, toRun, variableNames } from './variables.js';

export interface RunsDeps {
  repo: RunsRepository;
  stacks: StacksRepository;
  attachments: AttachmentQueries;
  integrations: IntegrationsRepository;
  account: AccountService;
  spaces: SpacesService;
  credentials: RunCredentialStore;
  sts: StsClients;
  audit: AuditLog;
  names: NamesRepository;
  clock: Clock;
  /** Where the commands in a refused run's hints run (sandbox), or null for AWS. */
  cli: CliTarget | null;
}

export function createRunsService(deps: RunsDeps) {
  const { repo, stacks, spaces, audit, clock } = deps;

  const isWorker = (p: Principal) => p.kind === 'token' && p.role === 'worker';
  const missing = (slug: string) => new NotFound('stack_not_found', `No stack with slug ${slug}`);

  /** Stacks the caller may not read are missing to it; workers are scoped in access.ts. */
  async function visibleStack(principal: Principal, slug: string) {
    const stack = await stacks.find(slug);
    if (!stack) throw missing(slug);
    if (!isWorker(principal) && !atLeast(await spaces.roleIn(principal, stack.space_id), 'read'))
      throw missing(slug);
    return stack;
  }

  async function readableStack(principal: Principal, slug: string) {
    const stack = await stacks.find(slug);
    if (!stack || !atLeast(await spaces.roleIn(principal, stack.space_id), 'read'))
      throw missing(slug);
    return stack;
  }

  /** One lookup per kind of name for the whole list (decision 014). */
  function namesFor(rows: RunRow[], known: Parameters<NamesRepository['resolve']>[2] = []) {
    return deps.names.resolve(
      rows.flatMap((r) => [
        { type: 'stack', id: r.stack_slug },
        ...(r.integration_id ? [{ type: 'aws_integration', id: r.integration_id }] : []),
      ]),
      rows.map((r) => r.created_by),
      known,
    );
  }

  return {
    async start(principal: Principal, slug: string, runPhase: RunPhase): Promise<Run> {
      const stack = await visibleStack(principal, slug);
      await requireRunStarter(principal, stack.space_id, spaces, () => missing(slug));
      const phase = PHASE_OF_RUN[runPhase];
      const chosen = forPhase(await deps.attachments.forStack(stack), phase);
      const integration = chosen && (await deps.integrations.find(chosen.integration.id));
      if (!integration)
        throw new Conflict(
          'no_attachment',
          `Stack ${slug} has no AWS integration attached for the ${phase} phase, which ${runPhase} runs use`,
        );
      const { name: accountName, platformPrincipal } = await deps.account.current();
      const id = ulid();
      const now = clock.now();
      const worker = integration.assume_role_on_worker === 1;
      // The AWS CLI and SDKs in a run need a region: the integration's, else the platform's.
      const ref = {
        region: integration.region ?? deps.sts.defaultRegion,
        assumeRoleOnWorker: worker,
      };
      const row: RunRow = {
        id,
        stack_slug: slug,
        phase: runPhase,
        created_by: actorOf(principal),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + integration.duration_seconds * 1000).toISOString(),
        integration_id: integration.id,
        role_arn: integration.role_arn,
        // A custom external ID only exists for roles the worker assumes itself.
        external_id:
          (worker && integration.external_id) ||
          formatExternalId({ accountName, integrationId: integration.id, stackSlug: slug, phase }),
        duration_seconds: integration.duration_seconds,
        region: integration.region,
        assume_role_on_worker: worker ? 1 : 0,
        assumed_role_arn: null,
        variable_names: JSON.stringify(variableNames(ref)),
        // Recorded so that any replica can issue the same session again (decision 010).
        session_name: worker ? null : runSessionName(id, slug, accountName),
      };
      if (!worker) {
        const issued = await assumeForRun(deps, {
          row,
          actor: actorOf(principal),
          accountName,
          platformAccountId: platformPrincipal?.accountId ?? null,
        });
        row.assumed_role_arn = issued.assumedRoleArn;
        row.expires_at = issued.expiresAt.toISOString();
      }
      await repo.insert(row);
      await audit.record({
        actor: actorOf(principal),
        action: 'run.start',
        targetType: 'stack',
        targetId: slug,
        detail: {
          runId: id,
          phase: runPhase,
          integrationId: integration.id,
          externalId: row.external_id,
          assumedRoleArn: row.assumed_role_arn,
          assumeRoleOnWorker: worker,
          expiresAt: row.expires_at,
        },
      });
      // Every name the answer shows is in hand: nothing is looked up.
      const known = [
        { type: 'stack', id: slug, name: stack.name },
        { type: 'aws_integration', id: integration.id, name: integration.name },
        ...(principal.kind === 'token'
          ? [{ type: 'token', id: principal.id, name: principal.name }]
          : []),
      ];
      return toRun(row, await namesFor([row], known));
    },

    // Worker tokens hold no read role, so the history is not theirs to see.
    async list(principal: Principal, slug: string) {
      await readableStack(principal, slug);
      const rows = await repo.list(slug, 50);
      const names = await namesFor(rows);
      return { items: rows.map((r) => toRun(r, names)) };
    },

    async get(principal: Principal, slug: string, id: string) {
      await readableStack(principal, slug);
      const row = await repo.find(slug, id);
      if (!row) throw new NotFound('run_not_found', `No run ${id} on stack ${slug}`);
      return toRun(row, await namesFor([row]));
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;
