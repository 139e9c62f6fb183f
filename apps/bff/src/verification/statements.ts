import { generateTrustPolicy } from '@rolebridge/trust-policy';
import type { HintContext } from './hints.js';
import { PROBE_STACK_SLUG } from './targets.js';

type Identity = { accountName: string; platformAccountId: string | null };

const firstStatement = (policy: Record<string, unknown>) =>
  JSON.stringify((policy.Statement as unknown[])[0], null, 2);

/** The setup guide's "any stack can use role" statement, with the real names filled in. */
export function anyStackStatement(ctx: Identity): string | undefined {
  if (!ctx.platformAccountId) return undefined;
  try {
    return firstStatement(
      generateTrustPolicy({
        variant: 'any-stack',
        accountName: ctx.accountName,
        platformAccountId: ctx.platformAccountId,
      }).policy,
    );
  } catch {
    return undefined;
  }
}

/** The StringEquals statement for exactly this stack and phase (any stack, for the stand-in). */
export function statementToAdd(ctx: HintContext): string | undefined {
  if (!ctx.platformAccountId) return undefined;
  if (ctx.stackSlug === PROBE_STACK_SLUG) return anyStackStatement(ctx);
  try {
    return firstStatement(
      generateTrustPolicy({
        variant: 'exact',
        accountName: ctx.accountName,
        platformAccountId: ctx.platformAccountId,
        integrationId: ctx.integrationId,
        stackSlugs: [ctx.stackSlug],
        phase: ctx.phase,
      }).policy,
    );
  } catch {
    return undefined;
  }
}
