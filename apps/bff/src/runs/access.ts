import type { Principal } from '../auth/principal.js';
import { NotAllowed } from '../http/errors.js';
import type { SpacesService } from '../spaces/service.js';

/**
 * A worker token serves the stacks of its space and the spaces below it. Any other stack is
 * answered exactly as a missing one (`hidden`), so a worker cannot probe which slugs exist.
 */
async function requireWorkerScope(
  principal: Principal,
  spaceId: string,
  spaces: SpacesService,
  hidden: () => Error,
) {
  if (principal.kind !== 'token' || principal.role !== 'worker') return false;
  if (!(await spaces.lineage(spaceId)).includes(principal.spaceId)) throw hidden();
  return true;
}

/**
 * Starting a run: the write role in the stack's space, or a worker token scoped to it (the
 * CLI starts runs with the token that later fetches their environment).
 */
export async function requireRunStarter(
  principal: Principal,
  spaceId: string,
  spaces: SpacesService,
  hidden: () => Error,
) {
  if (await requireWorkerScope(principal, spaceId, spaces, hidden)) return;
  await spaces.requireRole(principal, spaceId, 'write');
}

/** Clear credentials go to worker tokens and to nobody else, admins included. */
export function requireWorker(principal: Principal) {
  if (principal.kind !== 'token' || principal.role !== 'worker')
    throw new NotAllowed(
      'worker_only',
      'Run credentials are only given to worker tokens; the console shows them as <computed>',
    );
}

/** ...and only to a worker scoped to the stack's space or above it. */
export async function requireEnvironmentReader(
  principal: Principal,
  spaceId: string,
  spaces: SpacesService,
  hidden: () => Error,
) {
  requireWorker(principal);
  await requireWorkerScope(principal, spaceId, spaces, hidden);
}
