import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export interface PlatformIdentity {
  /** The STS caller the BFF runs as, or null when STS cannot tell us right now. */
  current(): Promise<{ accountId: string; arn: string } | null>;
}

/**
 * Asks STS once and remembers the answer; a failure is retried on the next call after a
 * short pause so a down STS does not get a request per page view.
 */
export function stsPlatformIdentity(sts: STSClient, retryAfterMs = 10_000): PlatformIdentity {
  let known: { accountId: string; arn: string } | null = null;
  let failedAt = 0;
  let inflight: Promise<{ accountId: string; arn: string } | null> | null = null;

  return {
    current() {
      if (known) return Promise.resolve(known);
      if (Date.now() - failedAt < retryAfterMs) return Promise.resolve(null);
      inflight ??= sts
        .send(new GetCallerIdentityCommand({}))
        .then((out) => {
          known = out.Account && out.Arn ? { accountId: out.Account, arn: out.Arn } : null;
          return known;
        })
        .catch(() => {
          failedAt = Date.now();
          return null;
        })
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
  };
}

export const staticPlatformIdentity = (
  value: { accountId: string; arn: string } | null,
): PlatformIdentity => ({
  current: () => Promise.resolve(value),
});
