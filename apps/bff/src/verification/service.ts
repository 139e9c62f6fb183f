import {
  WORKER_VERIFICATION_REASON,
  type AwsIntegration,
  type Phase,
  type Verification,
  type VerifyRequest,
  type VerifyTarget,
} from '@rolebridge/contracts';
import { analyzeTrustPolicy, formatExternalId } from '@rolebridge/trust-policy';
import type { AccountService } from '../account/service.js';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { StsClients } from '../aws/sts-clients.js';
import type { Clock } from '../clock.js';
import { Conflict } from '../http/errors.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import type { IntegrationsService } from '../integrations/service.js';
import type { SpacesService } from '../spaces/service.js';
import { checkPair, probeConfusedDeputy, type CheckContext } from './checks.js';
import { confusedDeputyHint, roleArnHints } from './hints.js';
import type { RetryPolicy } from './retry.js';
import { planTargets, type Pair } from './targets.js';

/** A role created or edited this recently may not have reached STS yet. */
const RECENT_CHANGE_MS = 60_000;

export function createVerificationService(deps: {
  integrations: IntegrationsService;
  repo: IntegrationsRepository;
  spaces: SpacesService;
  account: AccountService;
  audit: AuditLog;
  clock: Clock;
  sts: StsClients;
  retry: RetryPolicy;
}) {
  const { account, clock } = deps;

  async function run(
    principal: Principal,
    integration: AwsIntegration,
    request: VerifyRequest,
  ): Promise<Verification> {
    const { name: accountName, platformPrincipal } = await account.current();
    const externalIdOf = (p: Pair) =>
      formatExternalId({ accountName, integrationId: integration.id, ...p });
    const analyze = (policy: string, pairs: Pair[]) =>
      platformPrincipal
        ? analyzeTrustPolicy({
            policy,
            externalIds: pairs.map(externalIdOf),
            principalArn: platformPrincipal.arn,
            platformAccountId: platformPrincipal.accountId,
            accountName,
            roleArn: integration.roleArn,
          })
        : undefined;
    const target: VerifyTarget | undefined = request.target;
    const plan = planTargets({
      stack: request.stack,
      phases: request.phases,
      target,
      last: integration.lastVerification,
      allowedBy: (pairs) => {
        const analysis = target?.trustPolicy ? analyze(target.trustPolicy, pairs) : undefined;
        if (!analysis?.valid) return null;
        const allowed = analysis.results.filter((r) => r.decision === 'allow');
        const ids = new Set(allowed.map((r) => r.externalId));
        return new Set(
          pairs.filter((p) => ids.has(externalIdOf(p))).map((p) => `${p.stackSlug}@${p.phase}`),
        );
      },
    });
    const checkedAt = clock.now().toISOString();
    const arnHints = roleArnHints(integration.roleArn);
    if (arnHints.length > 0) {
      // Not an ARN STS could accept: say so without spending a call on it.
      const message = arnHints[0]?.detail ?? 'Not a role ARN';
      return {
        ok: false,
        checkedAt,
        results: plan.pairs.map((p) => ({
          ...p,
          externalId: externalIdOf(p),
          ok: false,
          error: { code: 'InvalidRoleArn', message },
          hints: arnHints,
        })),
        confusedDeputy: { checked: false, open: false },
        hints: plan.notes,
      };
    }
    const changedAt = Date.parse(integration.updatedAt);
    const recent =
      request.roleChangedRecently ?? clock.now().getTime() - changedAt < RECENT_CHANGE_MS;
    const ctx: CheckContext = {
      integration,
      client: deps.sts.forRegion(integration.region),
      audit: deps.audit,
      actor: actorOf(principal),
      accountName,
      platformAccountId: platformPrincipal?.accountId ?? null,
      externalIdOf,
      analysis: target?.trustPolicy ? analyze(target.trustPolicy, plan.pairs) : undefined,
      retry: recent ? deps.retry : null,
    };
    // Read, write and the probe in parallel: one round trip of wall time, not three.
    const [results, firstProbe] = await Promise.all([
      Promise.all(plan.pairs.map((p) => checkPair(ctx, p))),
      probeConfusedDeputy(ctx),
    ]);
    // A probe sent before a new role reached STS proves nothing; ask again once it has.
    const propagated = results.some((r) => r.ok && (r.attempts ?? 1) > 1);
    const probe = propagated && !firstProbe.open ? await probeConfusedDeputy(ctx) : firstProbe;
    const hints = [...plan.notes];
    if (probe.open) hints.push(confusedDeputyHint({ roleArn: integration.roleArn, ...ctx }));
    return {
      ok: results.length > 0 && results.every((r) => r.ok),
      checkedAt,
      results,
      confusedDeputy: probe,
      hints,
      ...(plan.deferred && { deferred: true }),
    };
  }

  /** Audited always; stored as the integration's last verification only when asked. */
  async function record(
    principal: Principal,
    integration: AwsIntegration,
    verification: Verification,
    store: boolean,
  ) {
    if (store) await deps.repo.saveVerification(integration.id, JSON.stringify(verification));
    await deps.audit.record({
      actor: actorOf(principal),
      action: 'integration.verify',
      targetType: 'aws_integration',
      targetId: integration.id,
      detail: {
        ok: verification.ok,
        checks: verification.results.map(
          (r) => `${r.stackSlug}@${r.phase}:${r.error?.code ?? 'ok'}`,
        ),
        confusedDeputyOpen: verification.confusedDeputy.open,
      },
    });
    return verification;
  }

  const runAndStore = async (
    principal: Principal,
    integration: AwsIntegration,
    request: VerifyRequest,
  ) => record(principal, integration, await run(principal, integration, request), true);

  return {
    /** Right after create; null for roles the worker assumes itself. */
    async afterCreate(principal: Principal, integration: AwsIntegration, target?: VerifyTarget) {
      if (integration.assumeRoleOnWorker) return null;
      return runAndStore(principal, integration, {
        ...(target && { target }),
        roleChangedRecently: true,
      });
    },

    async verify(principal: Principal, id: string, request: VerifyRequest): Promise<Verification> {
      const { integration } = await deps.integrations.get(principal, id);
      await deps.spaces.requireRole(principal, integration.spaceId, 'admin');
      if (integration.assumeRoleOnWorker)
        throw new Conflict('verified_on_worker', WORKER_VERIFICATION_REASON);
      return runAndStore(principal, integration, request);
    },

    /**
     * Before attaching: assume the role for this stack and the phases being enabled. A pass
     * becomes the integration's last verification; a refusal is not stored, since the
     * integration still works for the stacks that already use it.
     */
    async forAttach(
      principal: Principal,
      integration: AwsIntegration,
      stackSlug: string,
      phases: Phase[],
    ): Promise<Verification | null> {
      if (integration.assumeRoleOnWorker || phases.length === 0) return null;
      const verification = await run(principal, integration, { stack: stackSlug, phases });
      return record(principal, integration, verification, verification.ok);
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
