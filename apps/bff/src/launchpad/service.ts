import type { Launchpad } from '@rolebridge/contracts';
import type { LaunchpadRepository } from './repository.js';

/** The "Get started" checklist; each step is read from the data, never ticked by hand. */
export function createLaunchpadService(repo: LaunchpadRepository) {
  return {
    async get(): Promise<Launchpad> {
      const [named, integrated, stacked, invited] = await Promise.all([
        repo.accountNamed(),
        repo.verifiedIntegrationExists(),
        repo.stackExists(),
        repo.acceptedInviteExists(),
      ]);
      const steps = [
        { id: 'name-account' as const, title: 'Name your account', complete: named },
        {
          id: 'integrate-cloud' as const,
          title: 'Integrate your cloud account',
          complete: integrated,
        },
        { id: 'create-stack' as const, title: 'Create first stack', complete: stacked },
        { id: 'invite-teammates' as const, title: 'Invite teammates', complete: invited },
      ];
      return { steps, completed: steps.filter((s) => s.complete).length, total: steps.length };
    },
  };
}

export type LaunchpadService = ReturnType<typeof createLaunchpadService>;
