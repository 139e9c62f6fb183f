import { ulid } from 'ulid';
import {
  WORKER_VERIFICATION_REASON,
  type AwsIntegration,
  type CheckTrigger,
  type Phase,
  type Verification,
  type VerifyRequest,
  type VerifyTarget,
} from '@rolebridge/contracts';
import { analyzeTrustPolicy, formatExternalId } from '@rolebridge/trust-policy';
import type { AccountService } from '../account/service.js';
import type { AuditLog } from '../audit/repository.js';
import { actorOf, type Principal } from '../auth/principal.js';
import type { CliTarget } from '../aws/cli-target.js';
import type { StsClients } from '../aws/sts-clients.js';
import type { Clock } from '../clock.js';
import { Conflict } from '../http/errors.js';
import type { IntegrationHealth } from '../integration-health/service.js';
import type { IntegrationsRepository } from '../integrations/repository.js';
import { toIntegration } from '../integrations/mapping.js';
import type { IntegrationsService } from '../integrations/service.js';
import type { SpacesService } from '../spaces/service.js';
import type { DenialFacts } from './access-denied.js';
import { keepRetrying, verificationJson, type RetryJob } from './background-retry.js';
import {
  checkPair,
  hintsFor,
  mayBePropagating,
  probeConfusedDeputy,
  type CheckContext,
} from './checks.js';
import { confusedDeputyHint, roleArnHints, THROTTLE_CODES } from './hints.js';
import type { VerificationObservers } from './observers.js';
import type { BackgroundTasks, RetryPolicy } from './retry.js';
import { planTargets, type Pair } from './targets.js';

/** A role created or edited this recently may not have reached STS yet. */
const RECENT_CHANGE_MS = 60_000;

/** Who the audit log names for checks nobody asked for (the health scheduler). */
export const SYSTEM_ACTOR = 'system';

type RoleState = { exists: false } | { exists: true; trustPolicy: string } | null;

export function createVerificationService(deps: {
  integrations: IntegrationsService;
  repo: IntegrationsRepository;
  health: IntegrationHealth;
  spaces: SpacesService;
  account: AccountService;
  audit: AuditLog;
  clock: Clock;
  sts: StsClients;
  retry: RetryPolicy;
  background: BackgroundTasks;
  /** Sandbox mode: where copied commands run, and a look at the customer's roles. */
  cli: CliTarget | null;
  customerAccount: string | null;
  describeRole: (roleArn: string) => Promise<RoleState>;
  observers: VerificationObservers;
}) {
  const { account, clock } = deps;

  async function knownAccounts(): Promise<string[]> {
    const verified = (await deps.repo.verifiedRoleArns()).map((arn) => arn.split(':')[4] ?? '');
    return [...new Set([...(deps.customerAccount ? [deps.customerAccount] : []), ...verified])];
  }

  /** The first verdict: one attempt per check, so the answer never waits on IAM. */
  async function run(
    actor: string,
    integration: AwsIntegration,
    request: VerifyRequest,
  ): Promise<{ verification: Verification; retry: RetryJob | null }> {
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
    const last = integration.lastVerification;
    const lastOkAt = last?.ok ? last.checkedAt : last?.lastOkAt;
    const platformPartition = platformPrincipal?.arn.split(':')[1] ?? 'aws';
    const arnHints = roleArnHints(integration.roleArn, platformPartition);
    if (arnHints.length > 0) {
      // Not an ARN STS could accept: say so without spending a call on it.
      const message = arnHints[0]?.detail ?? 'Not a role ARN';
      const verification: Verification = {
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
      return { verification, retry: null };
    }
    const recent =
      request.roleChangedRecently ??
      clock.now().getTime() - Date.parse(integration.updatedAt) < RECENT_CHANGE_MS;
    let facts: Promise<DenialFacts> | undefined;
    const ctx: CheckContext = {
      integration,
      client: deps.sts.forRegion(integration.region),
      audit: deps.audit,
      actor,
      accountName,
      platformAccountId: platformPrincipal?.accountId ?? null,
      externalIdOf,
      analysis: target?.trustPolicy ? analyze(target.trustPolicy, plan.pairs) : undefined,
      pastedPolicy: target?.trustPolicy,
      cli: deps.cli,
      // Asked once, and only when AWS refused: a pass costs no extra lookups.
      facts: () =>
        (facts ??= (async () => {
          const role = await deps.describeRole(integration.roleArn);
          return {
            knownAccounts: await knownAccounts(),
            lastOkAt,
            retryWindowMs: deps.retry.windowMs,
            ...(role && {
              role: role.exists
                ? { ...role, analysis: analyze(role.trustPolicy, plan.pairs) }
                : role,
            }),
          };
        })()),
    };
    // Read, write and the probe in parallel: one round trip of wall time, not three.
    const [firstResults, probe] = await Promise.all([
      Promise.all(plan.pairs.map((p) => checkPair(ctx, p))),
      probeConfusedDeputy(ctx),
    ]);
    const retry = recent ? await retryPlan(ctx, firstResults) : null;
    // Retried checks say so in their hints; the pass/fail of each stays what AWS answered.
    const results = retry
      ? await Promise.all(
          firstResults.map(async (r) =>
            retry.pairs.some((p) => same(p, r))
              ? { ...r, hints: await hintsFor(ctx, r, 'retrying') }
              : r,
          ),
        )
      : firstResults;
    const hints = [...plan.notes];
    if (probe.open) hints.push(confusedDeputyHint({ roleArn: integration.roleArn, ...ctx }));
    const ok = results.length > 0 && results.every((r) => r.ok);
    const verification: Verification = {
      ok,
      checkedAt,
      results,
      confusedDeputy: probe,
      hints,
      ...(plan.deferred && { deferred: true }),
      ...(retry && {
        retrying: {
          attempt: 1,
          startedAt: checkedAt,
          elapsedMs: 0,
          until: new Date(Date.parse(checkedAt) + deps.retry.windowMs).toISOString(),
        },
      }),
      ...(!ok && lastOkAt && { lastOkAt }),
    };
    return { verification, retry: retry && { ...retry, ctx, notes: plan.notes } };
  }

  const same = (a: Pair, b: Pair) => a.stackSlug === b.stackSlug && a.phase === b.phase;

  /**
   * Which refused checks are worth retrying: AccessDenied that a role change on its way to
   * STS explains. Not when what we know says waiting cannot help (the pasted policy or the
   * role's policy in IAM refuses, the role does not exist, the account is unknown).
   */
  async function retryPlan(ctx: CheckContext, results: Awaited<ReturnType<typeof checkPair>>[]) {
    if (deps.retry.windowMs <= 0) return null;
    const refused = results.filter(mayBePropagating);
    if (refused.length === 0) return null;
    const facts = await ctx.facts();
    const account = ctx.integration.roleArn.split(':')[4] ?? '';
    if (facts.knownAccounts.length > 0 && !facts.knownAccounts.includes(account)) return null;
    if (facts.role?.exists === false) return null;
    const refusedBy = (analysis: typeof ctx.analysis, externalId: string) => {
      const decision = analysis?.results.find((r) => r.externalId === externalId)?.decision;
      return decision !== undefined && decision !== 'allow';
    };
    const roleAnalysis = facts.role?.exists ? facts.role.analysis : undefined;
    const pairs = refused
      .filter(
        (r) => !refusedBy(ctx.analysis, r.externalId) && !refusedBy(roleAnalysis, r.externalId),
      )
      .map(({ stackSlug, phase }) => ({ stackSlug, phase }));
    return pairs.length > 0 ? { pairs } : null;
  }

  /**
   * Audited and kept in the history always; stored as the integration's last verification
   * (moving its health state) only when asked.
   */
  async function record(
    actor: string,
    integration: AwsIntegration,
    verification: Verification,
    trigger: CheckTrigger,
    store: boolean,
  ) {
    const run = ulid();
    await deps.health.record({
      integrationId: integration.id,
      trigger,
      verification,
      store: store ? { mode: 'save', run } : null,
    });
    await deps.audit.record({
      actor,
      action: 'integration.verify',
      targetType: 'aws_integration',
      targetId: integration.id,
      detail: {
        ok: verification.ok,
        checks: verification.results.map(
          (r) => `${r.stackSlug}@${r.phase}:${r.error?.code ?? 'ok'}`,
        ),
        confusedDeputyOpen: verification.confusedDeputy.open,
        trigger,
        ...(verification.retrying && { retrying: true }),
      },
    });
    return run;
  }

  async function runAndStore(
    actor: string,
    integration: AwsIntegration,
    request: VerifyRequest,
    trigger: CheckTrigger,
  ): Promise<Verification> {
    const started = performance.now();
    const { verification, retry } = await run(actor, integration, request);
    const runId = await record(actor, integration, verification, trigger, true);
    await deps.observers.notify({
      integration,
      trigger,
      verification,
      durationMs: performance.now() - started,
    });
    if (retry) {
      deps.background.start((signal) =>
        keepRetrying({
          job: retry,
          first: verification,
          policy: deps.retry,
          clock,
          signal,
          save: (next, final) =>
            final
              ? deps.health.record({
                  integrationId: integration.id,
                  trigger,
                  verification: next,
                  store: { mode: 'update', run: runId },
                })
              : deps.repo.updateVerificationOf(integration.id, runId, verificationJson(next)),
        }),
      );
    }
    return verification;
  }

  return {
    /** Tell `observer` of every verification from now on, once it is recorded. */
    onCheck: (observer: Parameters<VerificationObservers['add']>[0]) =>
      deps.observers.add(observer),

    /** Right after create; null for roles the worker assumes itself. */
    async afterCreate(principal: Principal, integration: AwsIntegration, target?: VerifyTarget) {
      if (integration.assumeRoleOnWorker) return null;
      return runAndStore(
        actorOf(principal),
        integration,
        { ...(target && { target }), roleChangedRecently: true },
        'create',
      );
    },

    /**
     * After an edit of the role ARN, duration, region or worker option: the old verdict was
     * dropped, so check the role as it now is. The role may just have been created or
     * changed, so a refusal keeps retrying in the background as after a create.
     */
    async afterEdit(principal: Principal, integration: AwsIntegration) {
      if (integration.assumeRoleOnWorker) return null;
      return runAndStore(actorOf(principal), integration, { roleChangedRecently: true }, 'edit');
    },

    async verify(principal: Principal, id: string, request: VerifyRequest): Promise<Verification> {
      const { integration } = await deps.integrations.get(principal, id);
      await deps.spaces.requireRole(principal, integration.spaceId, 'admin');
      if (integration.assumeRoleOnWorker)
        throw new Conflict('verified_on_worker', WORKER_VERIFICATION_REASON);
      return runAndStore(actorOf(principal), integration, request, 'manual');
    },

    /**
     * The health scheduler's check, as the system: every pair a manual check would try, no
     * background retry (nothing changed the role that we know of). Null for integrations
     * that are gone or that the worker assumes itself.
     */
    async scheduled(id: string): Promise<{ throttled: boolean } | null> {
      const row = await deps.repo.find(id);
      if (!row || row.assume_role_on_worker === 1) return null;
      const integration = toIntegration(row);
      const started = performance.now();
      const { verification } = await run(SYSTEM_ACTOR, integration, {
        roleChangedRecently: false,
      });
      await record(SYSTEM_ACTOR, integration, verification, 'scheduled', true);
      await deps.observers.notify({
        integration,
        trigger: 'scheduled',
        verification,
        durationMs: performance.now() - started,
      });
      return {
        throttled: verification.results.some((r) => THROTTLE_CODES.has(r.error?.code ?? '')),
      };
    },

    /**
     * Before attaching: assume the role for this stack and the phases being enabled, once.
     * A pass becomes the integration's last verification; a refusal is not stored, since the
     * integration still works for the stacks that already use it.
     */
    async forAttach(
      principal: Principal,
      integration: AwsIntegration,
      stackSlug: string,
      phases: Phase[],
    ): Promise<Verification | null> {
      if (integration.assumeRoleOnWorker || phases.length === 0) return null;
      const started = performance.now();
      const actor = actorOf(principal);
      const { verification } = await run(actor, integration, {
        stack: stackSlug,
        phases,
        roleChangedRecently: false,
      });
      await record(actor, integration, verification, 'attach', verification.ok);
      await deps.observers.notify({
        integration,
        trigger: 'attach',
        verification,
        durationMs: performance.now() - started,
      });
      return verification;
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
