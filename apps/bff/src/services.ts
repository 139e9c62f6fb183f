import { createAccountRepository } from './account/repository.js';
import { createAccountService, DEFAULT_ACCOUNT_NAME } from './account/service.js';
import type { AppDeps } from './app.js';
import { createAttachmentQueries } from './attachments/queries.js';
import { createAttachmentsRepository } from './attachments/repository.js';
import { createAttachmentsService } from './attachments/service.js';
import { createAttachmentViews } from './attachments/views.js';
import { createAuditLog } from './audit/repository.js';
import { createAuthRepository } from './auth/repository.js';
import { createAuditService } from './audit/service.js';
import { createRateLimiter } from './auth/rate-limit.js';
import { createAuthService } from './auth/service.js';
import { authGenerationOf, generationOf } from './db/database.js';
import { createHealthRepository } from './integration-health/repository.js';
import { createStateChangeOutbox } from './integration-health/outbox.js';
import { createHealthScheduler } from './integration-health/scheduler.js';
import { createIntegrationHealth } from './integration-health/service.js';
import { createIntegrationsRepository } from './integrations/repository.js';
import { createInvitesRepository } from './invites/repository.js';
import { createInvitesService } from './invites/service.js';
import { createLaunchpadRepository } from './launchpad/repository.js';
import { createLaunchpadService } from './launchpad/service.js';
import { createRunCredentialStore } from './runs/credential-store.js';
import { createRunEnvironmentService } from './runs/environment.js';
import { createRunReissuer } from './runs/reissue.js';
import { createRunsRepository } from './runs/repository.js';
import { createRunsService } from './runs/service.js';
import { createNamesRepository } from './names/repository.js';
import { createSandboxService } from './sandbox/service.js';
import { createIntegrationsService } from './integrations/service.js';
import { createSpacesRepository } from './spaces/repository.js';
import { createSpacesService } from './spaces/service.js';
import { createStacksRepository } from './stacks/repository.js';
import { createStacksService } from './stacks/service.js';
import { createTokensRepository } from './tokens/repository.js';
import { createTokensService } from './tokens/service.js';
import { createTrustPolicyService } from './trust-policy/service.js';
import { createUsersRepository } from './users/repository.js';
import { createUsersService } from './users/service.js';
import { CUSTOMER_ACCOUNT_ID } from '@rolebridge/aws-sandbox';
import { sandboxCliTarget } from './aws/cli-target.js';
import { createBackgroundTasks, defaultRetryPolicy } from './verification/retry.js';
import { createVerificationObservers } from './verification/observers.js';
import { createVerificationService } from './verification/service.js';
import { createMetrics } from './metrics/registry.js';
import { instrumentedSts } from './metrics/sts.js';
import { createDeliveryDispatcher, defaultDeliveryPolicy } from './webhooks/dispatcher.js';
import { createPayloadBuilder } from './webhooks/payload.js';
import { createWebhooksRepository } from './webhooks/repository.js';
import { createSecretBox } from './webhooks/secret-box.js';
import { createWebhooksService } from './webhooks/service.js';

/** Wires repositories into services; the only place that knows the whole graph. */
export function createServices({ db, clock, platform, config, aws: rawAws, logger }: AppDeps) {
  const metrics = createMetrics();
  const aws = { ...rawAws, sts: instrumentedSts(rawAws.sts, metrics) };
  const audit = createAuditLog(db, clock);
  const spacesRepo = createSpacesRepository(db);
  const spaces = createSpacesService({ repo: spacesRepo, audit, clock });
  const authRepo = createAuthRepository(db);
  const generation = generationOf(db);
  const limiter = createRateLimiter(db, () => clock.now().getTime());
  const auth = createAuthService({
    repo: authRepo,
    audit,
    clock,
    generation: authGenerationOf(db),
    limiter,
  });
  const tokens = createTokensService({ repo: createTokensRepository(db), spaces, audit, clock });
  const accountRepo = createAccountRepository(db);
  const account = createAccountService({
    repo: accountRepo,
    spaces,
    audit,
    clock,
    mode: config.mode,
    platform,
    sandboxEndpoint: aws.sandbox?.url ?? null,
  });
  const integrationsRepo = createIntegrationsRepository(db);
  const stacksRepo = createStacksRepository(db);
  const attachmentsRepo = createAttachmentsRepository(db);
  const attachmentQueries = createAttachmentQueries({
    repo: attachmentsRepo,
    stacks: stacksRepo,
    spaces,
  });
  const integrations = createIntegrationsService({
    generation,
    cacheListPages: config.cacheListPages ?? true,
    repo: integrationsRepo,
    spaces,
    usage: attachmentQueries,
    audit,
    clock,
  });
  const cli = aws.sandbox ? sandboxCliTarget(aws.sandbox) : null;
  const trustPolicy = createTrustPolicyService({ account, integrations, clock, cli });
  const sandbox = createSandboxService({ sandbox: aws.sandbox, spaces, audit });
  const background = createBackgroundTasks((err) =>
    logger.error({ err }, 'background verification retry failed'),
  );
  const healthRepo = createHealthRepository(db);
  const stateChangeOutbox = createStateChangeOutbox(db);
  const healthOptions = config.health ?? { intervalMs: 0, concurrency: 1 };
  const integrationHealth = createIntegrationHealth({
    repo: healthRepo,
    outbox: stateChangeOutbox,
    integrationsRepo,
    integrations,
    clock,
    logger,
    intervalMs: healthOptions.intervalMs,
  });
  const observers = createVerificationObservers((err) =>
    logger.error({ err }, 'verification observer failed'),
  );
  observers.add(({ trigger, verification: v }) => {
    metrics.verifications.inc({ trigger, result: v.ok ? 'ok' : 'failed' });
  });
  const verification = createVerificationService({
    integrations,
    repo: integrationsRepo,
    health: integrationHealth,
    spaces,
    account,
    audit,
    clock,
    sts: aws.sts,
    retry: aws.retry ?? defaultRetryPolicy,
    background,
    cli,
    customerAccount: aws.sandbox ? CUSTOMER_ACCOUNT_ID : null,
    describeRole: (arn) => sandbox.describeRole(arn),
    observers,
  });
  const healthScheduler = createHealthScheduler({
    repo: healthRepo,
    check: (id) => verification.scheduled(id),
    clock,
    logger,
    options: healthOptions,
  });
  const runCredentials = createRunCredentialStore();
  const stacks = createStacksService({
    repo: stacksRepo,
    attachments: attachmentsRepo,
    credentials: runCredentials,
    spaces,
    audit,
    clock,
  });
  const attachments = createAttachmentsService({
    repo: attachmentsRepo,
    queries: attachmentQueries,
    stacks,
    integrations: integrationsRepo,
    spaces,
    verification,
    audit,
    clock,
  });
  const attachmentViews = createAttachmentViews({
    queries: attachmentQueries,
    stacks,
    integrations,
    integrationsRepo,
    spaces,
  });
  const runsRepo = createRunsRepository(db);
  const names = createNamesRepository(db);
  const runs = createRunsService({
    repo: runsRepo,
    stacks: stacksRepo,
    attachments: attachmentQueries,
    integrations: integrationsRepo,
    account,
    spaces,
    credentials: runCredentials,
    sts: aws.sts,
    audit,
    names,
    clock,
    cli,
  });
  const runEnvironment = createRunEnvironmentService({
    repo: runsRepo,
    stacks: stacksRepo,
    spaces,
    credentials: createRunReissuer({
      sts: aws.sts,
      audit,
      credentials: runCredentials,
      cli,
      account,
    }),
    audit,
    clock,
    defaultRegion: aws.sts.defaultRegion,
  });
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
  const webhooksRepo = createWebhooksRepository(db);
  const secretBox = config.secretsKey ? createSecretBox(config.secretsKey) : null;
  const webhookDispatcher = createDeliveryDispatcher({
    repo: webhooksRepo,
    box: secretBox,
    clock,
    logger,
    policy: { ...defaultDeliveryPolicy, ...config.webhookDelivery },
    onResult: (result) => metrics.webhookDeliveries.inc({ result }),
    beforePass: () => webhooks.relayStateChanges(),
  });
  const webhooks = createWebhooksService({
    repo: webhooksRepo,
    box: secretBox,
    dispatcher: webhookDispatcher,
    payloads: createPayloadBuilder({
      integrations: integrationsRepo,
      usage: attachmentQueries,
      stacks: stacksRepo,
    }),
    outbox: stateChangeOutbox,
    spaces,
    audit,
    clock,
  });
  // A state change is in the outbox once its check committed: queue and send its deliveries now.
  integrationHealth.onStateChange(() => {
    webhookDispatcher.kick();
    return Promise.resolve();
  });
  metrics.gaugeAtScrape(
    'rolebridge_integrations',
    'Integrations by health state (unknown, healthy, failing)',
    'state',
    () => healthRepo.countByState(),
  );

  return {
    audit,
    limiter,
    auditReader: createAuditService({ db, spaces, names }),
    auth,
    tokens,
    spaces,
    account,
    integrations,
    trustPolicy,
    verification,
    integrationHealth,
    /** Started by main.ts after migrations (or by a test); stopped before the database closes. */
    healthScheduler,
    stacks,
    attachments,
    attachmentViews,
    runs,
    runEnvironment,
    runCredentials,
    sandbox,
    launchpad,
    invites,
    users,
    webhooks,
    /** Sends queued webhook deliveries; main starts it, stopped before the database closes. */
    webhookDispatcher,
    metrics,
    /** Background verification retries; stopped before the database closes. */
    background,
    /** First start: root space, the account row and the first admin. Idempotent. */
    async bootstrap(input: {
      /** From ROLEBRIDGE_ACCOUNT_NAME; without it the account is `demo`, not yet named. */
      accountName: string | undefined;
      adminEmail: string;
      adminPassword: string | undefined;
    }) {
      const now = clock.now().toISOString();
      await spacesRepo.ensureRoot(now);
      await accountRepo.ensure(
        input.accountName ?? DEFAULT_ACCOUNT_NAME,
        now,
        input.accountName !== undefined,
      );
      return auth.bootstrapAdmin(input.adminEmail, input.adminPassword);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
