import { parseTrustPolicy } from './parse/parse.js';
import type { JsonValue, RequestContext, TrustPolicy } from './types.js';

export const PLATFORM = '111111111111';
export const CUSTOMER = '222222222222';
export const CALLER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;
export const ROLE = `arn:aws:iam::${CUSTOMER}:role/rolebridge`;
export const ULID = '01HZY3K8Q4V6W2X9T5R7M1N0PA';

/** Parses a policy built from statements, failing the test on any parse error. */
export function policyOf(
  statement: JsonValue | JsonValue[],
  version: string | null = '2012-10-17',
): TrustPolicy {
  const doc = { ...(version === null ? {} : { Version: version }), Statement: statement };
  const parsed = parseTrustPolicy(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(`test policy is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.policy;
}

export function allow(extra: { [key: string]: JsonValue } = {}): { [key: string]: JsonValue } {
  return { Effect: 'Allow', Principal: { AWS: PLATFORM }, Action: 'sts:AssumeRole', ...extra };
}

export const request = (extra: Partial<RequestContext> = {}): RequestContext => ({
  principalArn: CALLER,
  ...extra,
});
