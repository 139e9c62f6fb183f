import { isAccountId } from '../arn.js';
import { ACCOUNT_NAME, STACK_SLUG, formatExternalId, type Phase } from '../external-id.js';
import type { JsonValue, PolicyDocument } from '../types.js';

export type Variant = 'any-stack' | 'specific-stacks' | 'plan-only' | 'exact';

export interface GenerateOptions {
  variant: Variant;
  accountName: string;
  /** The platform identity's account ID (or its full IAM ARN). */
  platformAccountId: string;
  /** specific-stacks: the stacks; plan-only: optional narrowing; exact: the stack(s). */
  stackSlugs?: string[];
  /** exact only. */
  integrationId?: string;
  /** exact only; defaults to both phases. */
  phase?: Phase | Phase[];
}

export interface GeneratedPolicy {
  policy: PolicyDocument;
  json: string;
  /** The values placed in the sts:ExternalId condition. */
  patterns: string[];
}

export const VARIANT_TITLES: Record<Variant, string> = {
  'any-stack': 'Any stack can use role',
  'specific-stacks': 'Specific stack(s) can use role',
  'plan-only': 'Plan only',
  exact: 'One integration, stack and phase',
};

const PLATFORM_ARN =
  /^arn:aws[a-z-]*:(?:iam::\d{12}:(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+))$/;

/** Throws a RangeError on inputs that would produce a policy IAM rejects or that trusts the wrong party. */
export function generateTrustPolicy(opts: GenerateOptions): GeneratedPolicy {
  const { variant, accountName, platformAccountId } = opts;
  if (!ACCOUNT_NAME.test(accountName))
    throw new RangeError(
      `Account name "${accountName}" must be 2-39 characters of a-z, 0-9 and "-".`,
    );
  if (!isAccountId(platformAccountId) && !PLATFORM_ARN.test(platformAccountId)) {
    throw new RangeError(
      `Platform principal "${platformAccountId}" must be a 12-digit account ID or an IAM ARN.`,
    );
  }
  const slugs = opts.stackSlugs ?? [];
  for (const slug of slugs)
    if (!STACK_SLUG.test(slug))
      throw new RangeError(`Stack slug "${slug}" may only use a-z, 0-9 and "-".`);

  let operator = 'StringLike';
  let patterns: string[];
  if (variant === 'any-stack') patterns = [`${accountName}@*`];
  else if (variant === 'specific-stacks') {
    if (slugs.length === 0)
      throw new RangeError('Pick at least one stack for "Specific stack(s) can use role".');
    patterns = slugs.map((slug) => `${accountName}@*@${slug}@*`);
  } else if (variant === 'plan-only') {
    patterns = slugs.length
      ? slugs.map((slug) => `${accountName}@*@${slug}@read`)
      : [`${accountName}@*@read`];
  } else {
    const integrationId = opts.integrationId ?? '';
    if (!/^[0-9A-Za-z]+$/.test(integrationId))
      throw new RangeError('The exact statement needs the integration ID.');
    if (slugs.length === 0) throw new RangeError('The exact statement needs the stack.');
    const phases = opts.phase === undefined ? (['read', 'write'] as const) : [opts.phase].flat();
    operator = 'StringEquals';
    patterns = slugs.flatMap((stackSlug) =>
      phases.map((phase) => formatExternalId({ accountName, integrationId, stackSlug, phase })),
    );
  }
  const statement: { [key: string]: JsonValue } = {
    Effect: 'Allow',
    Principal: { AWS: platformAccountId },
    Action: 'sts:AssumeRole',
    Condition: {
      [operator]: { 'sts:ExternalId': patterns.length === 1 ? (patterns[0] ?? '') : patterns },
    },
  };
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: [statement] };
  return { policy, json: JSON.stringify(policy, null, 2), patterns };
}
