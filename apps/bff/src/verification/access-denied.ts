import type { Hint } from '@rolebridge/contracts';
import type { AnalysisResult } from '@rolebridge/trust-policy';
import { awsPrefix, withKeys } from '../aws/cli-target.js';
import { analysisHint } from './analysis-hint.js';
import { roleNameOf, trustPolicyFixes } from './fixes.js';
import type { HintContext, StsFailure } from './hints.js';
import { statementToAdd } from './statements.js';
import { PROBE_STACK_SLUG } from './targets.js';

/**
 * What Rolebridge knows besides AWS's one answer, which is the same AccessDenied for a
 * wrong principal, a wrong external ID, a wrong account and a deleted role.
 */
export interface DenialFacts {
  /** Accounts roles are known to live in: the sandbox customer's, verified integrations'. */
  knownAccounts: string[];
  /** This integration passed then and is refused now. */
  lastOkAt?: string | undefined;
  /** Sandbox only: the role as IAM holds it now (STS may still see an older copy). */
  role?: { exists: false } | { exists: true; trustPolicy: string; analysis?: AnalysisResult };
  /** A role change may still be on its way to STS; `exhausted`: retried for the whole window. */
  propagation?: 'retrying' | 'exhausted' | undefined;
  retryWindowMs?: number;
}

const accountOf = (arn: string) => arn.split(':')[4] ?? '';
const differingDigits = (a: string, b: string) =>
  a.length === b.length ? [...a].filter((c, i) => c !== b[i]).length : Infinity;

const time = (iso: string) => new Date(iso).toISOString().slice(11, 16);
const dateTime = (iso: string) =>
  `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The ARN names an account none of this console's roles live in: a typo, most often. */
function unknownAccountHint(ctx: HintContext, known: string[]): Hint {
  const account = accountOf(ctx.roleArn);
  const near = known.find((k) => differingDigits(k, account) <= 3);
  const corrected = near && ctx.roleArn.replace(`::${account}:`, `::${near}:`);
  const where = ctx.cli
    ? `the sandbox's customer account is ${known[0]}`
    : `this console's verified roles live in ${known.join(', ')}`;
  return {
    id: 'arn-account-unknown',
    title: near
      ? `Account ${account} in the ARN looks like a typo of ${near}`
      : `Account ${account} is not an account Rolebridge knows roles in`,
    detail:
      `AWS answers AccessDenied for a role in an account it cannot find the role in; ${where}. ` +
      (near
        ? `The ARN differs from ${near} in ${differingDigits(near, account)} digit(s). Edit the integration's Role ARN:`
        : "If the role really is in that account, its trust policy must name Rolebridge's account; otherwise correct the account ID in the Role ARN."),
    ...(corrected && { fix: corrected }),
  };
}

function passedBeforeHint(ctx: HintContext, lastOkAt: string, deleted: boolean): Hint {
  const aws = awsPrefix(ctx.cli);
  const name = roleNameOf(ctx.roleArn);
  return deleted
    ? {
        id: 'role-deleted',
        title: `It passed at ${time(lastOkAt)}, but the role no longer exists`,
        detail: `Rolebridge assumed ${ctx.roleArn} at ${dateTime(lastOkAt)}; IAM has no role named ${name} now, so it was deleted (or renamed). Create it again with the trust policy below, or point the integration at its new ARN.`,
      }
    : {
        id: 'passed-before',
        title: `It passed at ${time(lastOkAt)} — was the role deleted or its trust policy changed?`,
        detail: `Rolebridge assumed ${ctx.roleArn} at ${dateTime(lastOkAt)} and is refused now, so the role changed since. This shows its current trust policy (an error means it was deleted):`,
        fix: withKeys(
          ctx.cli,
          `${aws} iam get-role --role-name ${name} --query Role.AssumeRolePolicyDocument`,
        ),
      };
}

function propagationHint(ctx: HintContext, facts: DenialFacts): Hint | null {
  const seconds = Math.round((facts.retryWindowMs ?? 60_000) / 1000);
  if (facts.propagation === 'retrying')
    return {
      id: 'iam-propagating',
      title: 'Retrying: IAM changes can take up to a minute to reach STS',
      detail: `The role was just created or changed, and AWS applies that to STS within about a minute. Rolebridge keeps trying for up to ${seconds} s and turns this green by itself when AWS accepts; the advice below applies if it never does.`,
      severity: 'info',
    };
  if (facts.propagation === 'exhausted')
    return {
      id: 'still-denied-after-retries',
      title: `Still refused after retrying for ${seconds} s`,
      detail:
        'IAM usually reaches STS well within a minute, so the trust policy most likely does not admit Rolebridge. If you changed the role only now, verify again in a minute; otherwise fix the trust policy as below.',
    };
  return null;
}

export function accessDeniedHints(failure: StsFailure, ctx: HintContext): Hint[] {
  if (/root accounts/i.test(failure.message)) {
    return [
      {
        id: 'platform-is-root',
        title: 'Rolebridge runs with root credentials (operator problem)',
        detail:
          'AWS never lets an account root user assume a role. The Rolebridge operator must give the server an IAM user or role instead.',
      },
    ];
  }
  const facts = ctx.facts;
  const known = facts?.knownAccounts ?? [];
  // A get-role in the user's own account would succeed there and mislead; say the account.
  if (known.length > 0 && !known.includes(accountOf(ctx.roleArn)))
    return [unknownAccountHint(ctx, known)];

  const hints: Hint[] = [];
  const role = facts?.role;
  const deleted = role?.exists === false;
  if (facts?.lastOkAt) hints.push(passedBeforeHint(ctx, facts.lastOkAt, deleted));
  else if (deleted)
    hints.push({
      id: 'role-not-found',
      title: `No role named ${roleNameOf(ctx.roleArn)} in account ${accountOf(ctx.roleArn)}`,
      detail: `IAM has no role under ${ctx.roleArn} (AWS answers AccessDenied, not "not found"). Check the role name and path letter by letter; these are the roles that exist:`,
      fix: withKeys(ctx.cli, `${awsPrefix(ctx.cli)} iam list-roles --query 'Roles[].Arn'`),
    });
  const waiting = facts && !deleted ? propagationHint(ctx, facts) : null;
  if (waiting) hints.push(waiting);
  if (ctx.analysis) hints.push(analysisHint(ctx, ctx.analysis));
  else if (role?.exists && role.analysis)
    hints.push({ ...analysisHint(ctx, role.analysis), id: 'role-trust-policy-analysis' });

  const probe =
    ctx.stackSlug === PROBE_STACK_SLUG
      ? ` No stack uses this integration yet, so Rolebridge checked with the stand-in stack "${PROBE_STACK_SLUG}". If your policy admits only specific stacks, this refusal is expected: the check runs again when you attach a stack.`
      : '';
  const principal = ctx.platformAccountId ?? "Rolebridge's AWS account";
  const statement = statementToAdd(ctx);
  const current = role?.exists ? role.trustPolicy : ctx.pastedPolicy;
  hints.push(
    {
      id: 'trust-policy-denies',
      title: waiting
        ? "If not, the role's trust policy does not let Rolebridge assume it"
        : "The role's trust policy does not let Rolebridge assume it",
      detail:
        `AWS refused sts:AssumeRole with external ID ${ctx.externalId}. The trust policy must name ${principal} as Principal.AWS ` +
        `and match the external ID with StringEquals or StringLike on sts:ExternalId.${probe}` +
        (statement
          ? ' Add this statement to the role (IAM → Roles → Trust relationships → Edit trust policy), or copy the whole corrected policy or the command below:'
          : ''),
      ...(statement && {
        fix: statement,
        fixes: trustPolicyFixes({ roleArn: ctx.roleArn, statement, current, cli: ctx.cli }),
      }),
    },
    {
      id: 'external-id',
      title: 'External ID Rolebridge sent',
      detail: `Rolebridge sends ${ctx.phase === 'read' ? 'this ID when planning' : 'this ID when applying'} stack ${ctx.stackSlug}; the trust policy's sts:ExternalId condition must match it.`,
      fix: ctx.externalId,
      severity: 'info',
    },
  );
  if (!role && !facts?.lastOkAt)
    hints.push({
      id: 'role-missing-or-typo',
      title: 'Or the role does not exist under this ARN',
      detail:
        `AWS answers AccessDenied, not "not found", when no role has the ARN ${ctx.roleArn}. ` +
        'Check the account ID, the role name (and path) letter by letter, and that the role was not deleted. Run this with credentials for the role’s account:',
      fix: withKeys(
        ctx.cli,
        `${awsPrefix(ctx.cli)} iam get-role --role-name ${roleNameOf(ctx.roleArn)}`,
      ),
    });
  return hints;
}
