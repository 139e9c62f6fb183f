import { PHASE_OF_RUN, type RunEnvironment } from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import { Gone, NotFound } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';
import type { StacksRepository } from '../stacks/repository.js';
import { requireEnvironmentReader, requireWorker } from './access.js';
import type { RunReissuer } from './reissue.js';
import type { RunsRepository } from './repository.js';
import { regionVariables } from './variables.js';

/** The clear values of a run's environment, for a worker token scoped to its stack. */
export function createRunEnvironmentService(deps: {
  repo: RunsRepository;
  stacks: StacksRepository;
  spaces: SpacesService;
  credentials: RunReissuer;
  audit: AuditLog;
  clock: Clock;
  /** Exported as AWS_REGION/AWS_DEFAULT_REGION when the integration names no region. */
  defaultRegion: string;
}) {
  const expired = (id: string) =>
    new Gone('run_expired', `The credentials of run ${id} have expired; start a new run`);

  return {
    async get(principal: Principal, slug: string, id: string): Promise<RunEnvironment> {
      requireWorker(principal);
      const stack = await deps.stacks.find(slug);
      const notFound = new NotFound('run_not_found', `No run ${id} on stack ${slug}`);
      if (!stack) throw notFound;
      await requireEnvironmentReader(principal, stack.space_id, deps.spaces, () => notFound);
      const run = await deps.repo.find(slug, id);
      if (!run) throw notFound;
      const now = deps.clock.now().getTime();
      if (run.expires_at !== null && Date.parse(run.expires_at) <= now) throw expired(id);
      let result: RunEnvironment;
      if (run.assume_role_on_worker === 1) {
        result = {
          variables: regionVariables(run.region ?? deps.defaultRegion),
          expiresAt: run.expires_at,
          assumeRoleOnWorker: [
            {
              roleArn: run.role_arn ?? '',
              externalId: run.external_id ?? '',
              durationSeconds: run.duration_seconds ?? 3600,
              region: run.region,
              phase: PHASE_OF_RUN[run.phase],
            },
          ],
        };
      } else {
        const held = await deps.credentials.credentials(run, actorOf(principal), now);
        result = {
          variables: held.variables,
          expiresAt: new Date(held.expiresAt).toISOString(),
          assumeRoleOnWorker: [],
        };
      }
      await deps.audit.record({
        actor: actorOf(principal),
        action: 'run.environment',
        targetType: 'stack',
        targetId: slug,
        detail: { runId: id, variables: Object.keys(result.variables) },
      });
      return result;
    },
  };
}

export type RunEnvironmentService = ReturnType<typeof createRunEnvironmentService>;
