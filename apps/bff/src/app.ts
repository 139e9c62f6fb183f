import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { AwsMode } from '@rolebridge/contracts';
import { accountRouter } from './account/router.js';
import { auditRouter } from './audit/router.js';
import { attachmentsRouter } from './attachments/router.js';
import { sessionLoginRouter, sessionRouter } from './auth/router.js';
import { requireAuth } from './auth/middleware.js';
import type { PlatformIdentity } from './aws/platform-identity.js';
import type { StsClients } from './aws/sts-clients.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { healthRouter } from './health/router.js';
import { createStsCheck } from './health/sts-check.js';
import { refuseCrossSiteWrites } from './http/cross-site.js';
import { refuseNulCharacters } from './http/nul-characters.js';
import { gateByRoutes } from './http/route-gate.js';
import { UnsupportedMediaType } from './http/errors.js';
import { notFoundHandler, problemHandler } from './http/problem-middleware.js';
import { requestLogger } from './http/request-logger.js';
import { securityHeaders } from './http/security-headers.js';
import { integrationHealthRouter } from './integration-health/router.js';
import type { SchedulerOptions } from './integration-health/scheduler.js';
import { integrationsRouter } from './integrations/router.js';
import { invitePublicRouter } from './invites/public-router.js';
import { invitesRouter } from './invites/router.js';
import { launchpadRouter } from './launchpad/router.js';
import { runsRouter } from './runs/router.js';
import { sandboxRouter } from './sandbox/router.js';
import type { SandboxTarget } from './sandbox/service.js';
import { createServices } from './services.js';
import { spacesRouter } from './spaces/router.js';
import { stacksRouter } from './stacks/router.js';
import { tokensRouter } from './tokens/router.js';
import { trustPolicyRouter } from './trust-policy/router.js';
import { usersRouter } from './users/router.js';
import type { RetryPolicy } from './verification/retry.js';
import { metricsRouter } from './metrics/router.js';
import type { DeliveryPolicy } from './webhooks/dispatcher.js';
import { webhooksRouter } from './webhooks/router.js';

export interface AppDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  platform: PlatformIdentity;
  aws: {
    /** STS clients as the platform identity, one per region. */
    sts: StsClients;
    /** Sandbox mode only: where to create roles as the customer admin. */
    sandbox?: SandboxTarget;
    /** AccessDenied retry timing after a role change; tests shorten it. */
    retry?: RetryPolicy;
  };
  config: {
    mode: AwsMode;
    secureCookies: boolean;
    /** Built SPA to serve on the same origin; omitted in API tests. */
    webDistDir?: string;
    exposeErrors?: boolean;
    /** Keep list pages until the next database write (default on). */
    cacheListPages?: boolean;
    /** 32 bytes that seal webhook secrets at rest; without it webhooks cannot be created. */
    secretsKey?: Buffer | null;
    /** Bearer token `GET /metrics` requires; unset, metrics are open. */
    metricsToken?: string;
    /** Webhook retry timing; tests shorten it. */
    webhookDelivery?: Partial<DeliveryPolicy>;
    /** Scheduled re-verification (ROLEBRIDGE_HEALTH_INTERVAL); absent or 0: off. */
    health?: SchedulerOptions;
  };
}

/** Bodies that change state must be JSON: a cross-site HTML form cannot send that. */
const jsonOnlyWrites: RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    next(
      new UnsupportedMediaType(
        'unsupported_media_type',
        'Send the request body as application/json',
      ),
    );
    return;
  }
  next();
};

export function createApp(deps: AppDeps) {
  const { db, logger, config } = deps;
  const services = createServices(deps);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());
  app.use(requestLogger(logger));
  app.use(gateByRoutes(healthRouter(db, createStsCheck(deps.aws.sts.forRegion(null)))));
  app.use(gateByRoutes(metricsRouter(services.metrics, config.metricsToken)));

  const api = express.Router();
  api.use('/api', refuseCrossSiteWrites());
  api.use(jsonOnlyWrites);
  api.use(
    express.json({
      limit: '256kb',
      strict: true,
      type: ['application/json', 'application/*+json'],
    }),
  );
  api.use('/api', refuseNulCharacters());
  api.use(gateByRoutes(sessionLoginRouter(services.auth, config.secureCookies)));
  api.use(
    gateByRoutes(
      invitePublicRouter(services.invites, services.auth, services.limiter, config.secureCookies),
    ),
  );
  api.use('/api', requireAuth(services.auth, services.tokens));
  api.use(gateByRoutes(sessionRouter(services.auth, config.secureCookies)));
  api.use(gateByRoutes(tokensRouter(services.tokens)));
  api.use(gateByRoutes(accountRouter(services.account)));
  api.use(gateByRoutes(spacesRouter(services.spaces)));
  api.use(gateByRoutes(integrationsRouter(services.integrations, services.verification)));
  api.use(gateByRoutes(integrationHealthRouter(services.integrationHealth)));
  api.use(gateByRoutes(stacksRouter(services.stacks, services.attachmentViews)));
  api.use(gateByRoutes(attachmentsRouter(services.attachments, services.attachmentViews)));
  api.use(gateByRoutes(runsRouter(services.runs, services.runEnvironment)));
  api.use(gateByRoutes(trustPolicyRouter(services.trustPolicy)));
  api.use(gateByRoutes(sandboxRouter(services.sandbox)));
  api.use(gateByRoutes(launchpadRouter(services.launchpad)));
  api.use(gateByRoutes(invitesRouter(services.invites)));
  api.use(gateByRoutes(usersRouter(services.users)));
  api.use(gateByRoutes(auditRouter(services.auditReader)));
  api.use(gateByRoutes(webhooksRouter(services.webhooks)));
  api.use('/api', notFoundHandler());
  app.use(api);

  if (config.webDistDir && existsSync(join(config.webDistDir, 'index.html'))) {
    const index = join(config.webDistDir, 'index.html');
    app.use(express.static(config.webDistDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/integrations/…) all load the SPA shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.set('Cache-Control', 'no-cache').sendFile(index));
  }
  app.use(notFoundHandler());
  app.use(problemHandler(logger, config.exposeErrors ?? false));
  return { app, services };
}
