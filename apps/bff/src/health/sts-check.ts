import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export type StsReadiness = { ok: true } | { ok: false; reason: string };

export interface StsCheck {
  /** STS answered GetCallerIdentity for the platform's credentials within the last few seconds. */
  check(): Promise<StsReadiness>;
}

/** Long enough that a probe every second from each load balancer costs STS one call per window. */
const DEFAULT_TTL_MS = 3_000;

/**
 * A live GetCallerIdentity (free, needs no IAM permission) through the same client the
 * console assumes roles with, so readiness sees what a verification would: an unreachable
 * endpoint, or credentials STS refuses. Answers are kept for a few seconds and concurrent
 * probes share the call in flight, so probes cannot turn into load on STS.
 */
export function createStsCheck(
  sts: STSClient,
  // Monotonic: a readiness cache must not care about the wall clock (or a test's fake one).
  now: () => number = () => performance.now(),
  ttlMs = DEFAULT_TTL_MS,
): StsCheck {
  let cached: { at: number; result: StsReadiness } | null = null;
  let inflight: Promise<StsReadiness> | null = null;

  const ask = async (): Promise<StsReadiness> => {
    try {
      const out = await sts.send(new GetCallerIdentityCommand({}));
      return out.Account ? { ok: true } : { ok: false, reason: 'STS returned no account' };
    } catch (err) {
      return { ok: false, reason: describe(err) };
    }
  };

  return {
    check() {
      if (cached && now() - cached.at < ttlMs) return Promise.resolve(cached.result);
      inflight ??= ask()
        .then((result) => {
          cached = { at: now(), result };
          return result;
        })
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
  };
}

/** The AWS error code when STS answered (e.g. InvalidClientTokenId), else the network error's. */
function describe(err: unknown): string {
  if (typeof err !== 'object' || err === null) return 'STS call failed';
  const { name, code } = err as { name?: unknown; code?: unknown };
  // SDK service errors carry the AWS code as their name; network errors are plain Errors with a code.
  const label =
    typeof name === 'string' && name !== 'Error' ? name : typeof code === 'string' ? code : 'Error';
  return `${label}: STS did not confirm the platform's identity`;
}
