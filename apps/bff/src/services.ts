import { createAccountRepository } from './account/repository.js';
import { createAccountService } from './account/service.js';
import type { AppDeps } from './app.js';
import { createAuditLog } from './audit/repository.js';
import { createAuthRepository } from './auth/repository.js';
import { createAuthService } from './auth/service.js';
import { createIntegrationsRepository } from './integrations/repository.js';
import { createInvitesRepository } from './invites/repository.js';
import { createInvitesService } from './invites/service.js';
import { createLaunchpadRepository } from './launchpad/repository.js';
import { createLaunchpadService } from './launchpad/service.js';
import { createSandboxService } from './sandbox/service.js';
import { createIntegrationsService } from './integrations/service.js';
import { createSpacesRepository } from './spaces/repository.js';
import { createSpacesService } from './spaces/service.js';
import { createTokensRepository } from './tokens/repository.js';
import { createTokensService } from './tokens/service.js';
import { createTrustPolicyService } from './trust-policy/service.js';
import { createUsersRepository } from './users/repository.js';
import { createUsersService } from './users/service.js';
import { defaultRetryPolicy } from './verification/retry.js';
import { createVerificationService } from './verification/service.js';

/** Wires repositories into services; the only place that knows the whole graph. */
export function createServices({ db, clock, platform, config, aws }: AppDeps) {
  const audit = createAuditLog(db, clock);
  const spacesRepo = createSpacesRepository(db);
  const spaces = createSpacesService({ repo: spacesRepo, audit, clock });
  const authRepo = createAuthRepository(db);
  const auth = createAuthService({ repo: authRepo, audit, clock });
  const tokens = createTokensService({ repo: createTokensRepository(db), spaces, audit, clock });
  const accountRepo = createAccountRepository(db);
  const account = createAccountService({
    repo: accountRepo,
    spaces,
    audit,
    clock,
    mode: config.mode,
    platform,
  });
  const integrationsRepo = createIntegrationsRepository(db);
  const integrations = createIntegrationsService({ repo: integrationsRepo, spaces, audit, clock });
  const trustPolicy = createTrustPolicyService({ account, integrations });
  const verification = createVerificationService({
    integrations,
    repo: integrationsRepo,
    spaces,
    account,
    audit,
    clock,
    sts: aws.sts,
    retry: aws.retry ?? defaultRetryPolicy,
  });
  const sandbox = createSandboxService({ sandbox: aws.sandbox, spaces, audit });
  const launchpad = createLaunchpadService(createLaunchpadRepository(db));
  const invites = createInvitesService({
    repo: createInvitesRepository(db),
    users: authRepo,
    auth,
    spaces,
    account,
    audit,
    clock,
  });
  const users = createUsersService({ repo: createUsersRepository(db), spaces });

  return {
    audit,
    auth,
    tokens,
    spaces,
    account,
    integrations,
    trustPolicy,
    verification,
    sandbox,
    launchpad,
    invites,
    users,
    /** First start: root space, the account row and the first admin. Idempotent. */
    async bootstrap(input: {
      accountName: string;
      adminEmail: string;
      adminPassword: string | undefined;
    }) {
      const now = clock.now().toISOString();
      await spacesRepo.ensureRoot(now);
      await accountRepo.ensure(input.accountName, now);
      return auth.bootstrapAdmin(input.adminEmail, input.adminPassword);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
