import { createAccountRepository } from './account/repository.js';
import { createAccountService } from './account/service.js';
import type { AppDeps } from './app.js';
import { createAuditLog } from './audit/repository.js';
import { createAuthRepository } from './auth/repository.js';
import { createAuthService } from './auth/service.js';
import { createIntegrationsRepository } from './integrations/repository.js';
import { createIntegrationsService } from './integrations/service.js';
import { createSpacesRepository } from './spaces/repository.js';
import { createSpacesService } from './spaces/service.js';
import { createTokensRepository } from './tokens/repository.js';
import { createTokensService } from './tokens/service.js';
import { createTrustPolicyService } from './trust-policy/service.js';

/** Wires repositories into services; the only place that knows the whole graph. */
export function createServices({ db, clock, platform, config }: AppDeps) {
  const audit = createAuditLog(db, clock);
  const spacesRepo = createSpacesRepository(db);
  const spaces = createSpacesService({ repo: spacesRepo, audit, clock });
  const auth = createAuthService({ repo: createAuthRepository(db), audit, clock });
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
  const integrations = createIntegrationsService({
    repo: createIntegrationsRepository(db),
    spaces,
    audit,
    clock,
  });
  const trustPolicy = createTrustPolicyService({ account, integrations });

  return {
    audit,
    auth,
    tokens,
    spaces,
    account,
    integrations,
    trustPolicy,
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
