import { z } from 'zod';
import { accountName, email } from './fields.js';
import { healthInterval } from './health.js';
import { password, passwordProblem } from './password.js';

const port = z.coerce.number().int().min(0).max(65535);
const endpointUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable Rolebridge reads; parsed once at start. */
export const serverEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: port.default(8080),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    // No default here: a name the operator chose completes the LaunchPad's first step.
    ROLEBRIDGE_ACCOUNT_NAME: accountName.optional(),
    ROLEBRIDGE_DATA_DIR: z.string().min(1).default('./data'),
    ROLEBRIDGE_ADMIN_EMAIL: email.default('admin@example.com'),
    ROLEBRIDGE_ADMIN_PASSWORD: password.optional(),
    ROLEBRIDGE_AWS_MODE: z.enum(['sandbox', 'aws']).default('sandbox'),
    /** Region for the platform's own STS calls in aws mode (integrations may name their own). */
    AWS_REGION: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d{1,2}$/)
      .default('us-east-1'),
    /**
     * The AWS SDK's own service endpoint variables, read by the SDK itself in aws mode (e.g. a
     * standalone `npm run sandbox` standing in for AWS); parsed here so a typo stops the start.
     */
    AWS_ENDPOINT_URL_STS: endpointUrl.optional(),
    AWS_ENDPOINT_URL_IAM: endpointUrl.optional(),
    ROLEBRIDGE_SANDBOX_PORT: port.default(4566),
    ROLEBRIDGE_SANDBOX_PLATFORM_KEY_ID: z.string().min(16).max(128).optional(),
    ROLEBRIDGE_SANDBOX_PLATFORM_SECRET: z.string().min(16).max(128).optional(),
    ROLEBRIDGE_SANDBOX_ADMIN_KEY_ID: z.string().min(16).max(128).optional(),
    ROLEBRIDGE_SANDBOX_ADMIN_SECRET: z.string().min(16).max(128).optional(),
    /**
     * Serve the sandbox's unauthenticated fault endpoint (`/_sandbox/faults`), e.g. an IAM
     * propagation delay for end-to-end tests. Off by default.
     */
    ROLEBRIDGE_SANDBOX_FAULT_CONTROL: flag.default(false),
    /** Secure cookies need HTTPS; on by default in production behind TLS, off for localhost. */
    ROLEBRIDGE_SECURE_COOKIES: flag.default(false),
    /** PostgreSQL for several replicas; unset, the embedded SQLite in ROLEBRIDGE_DATA_DIR. */
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgres:// URL (unset it to use the embedded SQLite)',
      })
      .optional(),
    /**
     * 32 random bytes, base64 (`openssl rand -base64 32`), sealing webhook secrets at rest.
     * Unset with SQLite, a key file in ROLEBRIDGE_DATA_DIR is made on first start; several
     * replicas on PostgreSQL must share one, so there it has no default.
     */
    ROLEBRIDGE_SECRETS_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, {
        error: 'must be 32 bytes in base64 (openssl rand -base64 32)',
      })
      .optional(),
    /** Bearer token for `GET /metrics`; unset, the metrics are open to whoever reaches the port. */
    ROLEBRIDGE_METRICS_TOKEN: z
      .string()
      .min(16, { error: 'use at least 16 characters' })
      .optional(),
    /** Connections each replica may hold; all replicas together must stay under max_connections. */
    ROLEBRIDGE_DB_POOL_MAX: z.coerce.number().int().min(2).max(100).default(10),
    /** How often every integration is checked again in the background; `0` turns it off. */
    ROLEBRIDGE_HEALTH_INTERVAL: healthInterval.prefault('6h'),
    /**
     * Scheduled checks running at once in each replica. Background work: 2 keeps API p99
     * within 1.5× of idle on two cores (bench:health) and still checks thousands an hour.
     */
    ROLEBRIDGE_HEALTH_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  })
  .superRefine((env, ctx) => {
    const problem =
      env.ROLEBRIDGE_ADMIN_PASSWORD &&
      passwordProblem(env.ROLEBRIDGE_ADMIN_PASSWORD, env.ROLEBRIDGE_ADMIN_EMAIL);
    if (problem)
      ctx.addIssue({ code: 'custom', path: ['ROLEBRIDGE_ADMIN_PASSWORD'], message: problem });
  });
export type ServerEnv = z.infer<typeof serverEnv>;
