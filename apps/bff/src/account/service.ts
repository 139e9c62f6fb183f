import type { Account, AwsMode } from '@rolebridge/contracts';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { PlatformIdentity } from '../aws/platform-identity.js';
import type { Clock } from '../clock.js';
import type { SpacesService } from '../spaces/service.js';
import type { AccountRepository } from './repository.js';

/** The name a console gets when ROLEBRIDGE_ACCOUNT_NAME does not give one. */
export const DEFAULT_ACCOUNT_NAME = 'demo';

export function createAccountService(deps: {
  repo: AccountRepository;
  spaces: SpacesService;
  audit: AuditLog;
  clock: Clock;
  mode: AwsMode;
  platform: PlatformIdentity;
  sandboxEndpoint: string | null;
}) {
  const { repo, spaces, audit, clock, mode, platform, sandboxEndpoint } = deps;

  async function current(): Promise<Account> {
    const row = await repo.get();
    return {
      name: row?.name ?? DEFAULT_ACCOUNT_NAME,
      mode,
      platformPrincipal: await platform.current(),
      sandboxEndpoint,
    };
  }

  return {
    current,
    /** Renaming changes every external ID, so trust policies naming the old name stop matching. */
    async rename(principal: Principal, name: string): Promise<Account> {
      await spaces.requireRole(principal, 'root', 'admin');
      const before = await repo.get();
      await repo.rename(name, clock.now().toISOString());
      await audit.record({
        actor: actorOf(principal),
        action: 'account.rename',
        targetType: 'account',
        targetId: '1',
        detail: { from: before?.name, to: name },
      });
      return current();
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
