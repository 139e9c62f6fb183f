import type {
  analyzeTrustPolicyRequest,
  AnalyzeTrustPolicyResponse,
  ExternalIdQuery,
  ExternalIdResponse,
  generateTrustPolicyRequest,
  GenerateTrustPolicyResponse,
} from '@rolebridge/contracts';
import {
  analyzeTrustPolicy,
  formatExternalId,
  generateTrustPolicy,
  s3BackendPolicy,
  toAwsCli,
  toCloudFormation,
  toTerraform,
  type RoleOptions,
} from '@rolebridge/trust-policy';
import type { z } from 'zod';
import type { AccountService } from '../account/service.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { awsPrefix, withKeys, type CliTarget } from '../aws/cli-target.js';
import type { Clock } from '../clock.js';
import { Conflict, InputError, ServiceUnavailable } from '../http/errors.js';
import type { IntegrationsService } from '../integrations/service.js';
import { sessionName } from '../verification/assume-role.js';
import { analyzeContextOf } from './analyze-context.js';

type AnalyzeInput = z.output<typeof analyzeTrustPolicyRequest>;
type GenerateInput = z.output<typeof generateTrustPolicyRequest>;

const identityUnavailable = () =>
  new ServiceUnavailable(
    'platform_identity_unavailable',
    "Rolebridge could not learn its own AWS identity (sts:GetCallerIdentity failed), so it cannot name the trust policy's principal. Check the platform credentials and that STS is reachable, then try again.",
  );

/**
 * The contracts schemas mirror the generator's rules, so a RangeError here means they drifted;
 * it is still the caller's input that was refused, hence a 400 and not a 500.
 */
function asInputError<T>(build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(err.message);
    throw err;
  }
}

export function createTrustPolicyService(deps: {
  account: AccountService;
  integrations: IntegrationsService;
  clock: Clock;
  /** Sandbox mode: the generated AWS CLI commands run against the sandbox, verbatim. */
  cli: CliTarget | null;
}) {
  const { account, integrations, clock, cli } = deps;

  /** Generated policies name the real account and platform principal, never placeholders. */
  async function identity() {
    const { name, platformPrincipal } = await account.current();
    if (!platformPrincipal) throw identityUnavailable();
    return { accountName: name, platformAccountId: platformPrincipal.accountId };
  }

  return {
    async analyze(principal: Principal, input: AnalyzeInput): Promise<AnalyzeTrustPolicyResponse> {
      const { name, mode, platformPrincipal } = await account.current();
      const fallbackArn = input.principalArn ?? platformPrincipal?.arn;
      if (!fallbackArn && !input.context?.caller) throw identityUnavailable();
      // What Rolebridge itself sends unless the caller says otherwise: a verification's
      // session name, the current time, and (sandbox mode) the loopback address.
      const { principalArn, context } = analyzeContextOf(input.context, {
        principalArn: fallbackArn ?? '',
        roleSessionName: sessionName('verify', actorOf(principal)),
        now: clock.now().getTime(),
        ...(mode === 'sandbox' ? { sourceIp: '127.0.0.1' } : {}),
      });
      return analyzeTrustPolicy({
        policy: input.policy,
        externalIds: input.externalIds,
        principalArn,
        accountName: name,
        ...(platformPrincipal && { platformAccountId: platformPrincipal.accountId }),
        context,
      });
    },

    async generate(input: GenerateInput): Promise<GenerateTrustPolicyResponse> {
      const { accountName, platformAccountId } = await identity();
      return asInputError(() => {
        const generated = generateTrustPolicy({
          variant: input.variant,
          accountName,
          platformAccountId,
          ...(input.stackSlugs && { stackSlugs: input.stackSlugs }),
          ...(input.integrationId && { integrationId: input.integrationId }),
          ...(input.phase && { phase: input.phase }),
        });
        const role: RoleOptions = {
          roleName: input.roleName,
          policy: generated.policy,
          description: `Assumed by Rolebridge account ${accountName} for stack runs`,
          ...(input.maxSessionDuration && { maxSessionDuration: input.maxSessionDuration }),
          ...(input.managedPolicyArns && { managedPolicyArns: input.managedPolicyArns }),
        };
        return {
          ...generated,
          awsCli: withKeys(cli, toAwsCli({ ...role, aws: awsPrefix(cli) })),
          cloudFormation: toCloudFormation({ ...role, format: input.format }),
          terraform: toTerraform(role),
          ...(input.s3Backend && { s3BackendPolicy: s3BackendPolicy(input.s3Backend) }),
        };
      });
    },

    /** The IDs Rolebridge sends for one integration × stack, and the statement that admits exactly them. */
    async externalIds(
      principal: Principal,
      integrationId: string,
      query: ExternalIdQuery,
    ): Promise<ExternalIdResponse> {
      // Readability first: an integration the caller cannot see is a 404 even while STS is down.
      const { integration } = await integrations.get(principal, integrationId);
      if (integration.externalId !== null) {
        // The worker assumes the role with this custom ID and its own identity; a statement
        // naming Rolebridge's ID and principal would be wrong, so we do not pretend to have one.
        throw new Conflict(
          'custom_external_id',
          `This integration assumes the role on your worker with the custom external ID "${integration.externalId}"; trust the worker's identity with StringEquals on that ID.`,
        );
      }
      const { accountName, platformAccountId } = await identity();
      const phases = (['read', 'write'] as const).filter((p) => query[p]);
      const { policy, json } = asInputError(() =>
        generateTrustPolicy({
          variant: 'exact',
          accountName,
          platformAccountId,
          integrationId: integration.id,
          stackSlugs: [query.stack],
          phase: phases,
        }),
      );
      const statements = policy.Statement as Record<string, unknown>[];
      return {
        externalIds: phases.map((phase) => ({
          phase,
          externalId: formatExternalId({
            accountName,
            integrationId: integration.id,
            stackSlug: query.stack,
            phase,
          }),
        })),
        statement: statements[0] ?? {},
        policy: json,
      };
    },
  };
}

export type TrustPolicyService = ReturnType<typeof createTrustPolicyService>;
