import type { PolicyDocument } from '../types.js';

export interface RoleOptions {
  roleName: string;
  /** The trust policy, e.g. `generateTrustPolicy(...).policy`. */
  policy: PolicyDocument;
  /** Seconds, 3600..43200 (IAM's range); must cover the integration's duration. */
  maxSessionDuration?: number;
  managedPolicyArns?: string[];
  description?: string;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const POLICY_ARN = /^arn:aws[a-z-]*:iam::(?:aws|\d{12}):policy\/[\w+=,.@/-]+$/;

export function checkRoleOptions(opts: RoleOptions): void {
  if (!ROLE_NAME.test(opts.roleName))
    throw new RangeError(
      `"${opts.roleName}" is not a valid IAM role name (1-64 of letters, digits and +=,.@_-).`,
    );
  const d = opts.maxSessionDuration;
  if (d !== undefined && (!Number.isInteger(d) || d < 3600 || d > 43200)) {
    throw new RangeError(
      'MaxSessionDuration must be a whole number of seconds from 3600 to 43200.',
    );
  }
  for (const arn of opts.managedPolicyArns ?? []) {
    if (!POLICY_ARN.test(arn)) throw new RangeError(`"${arn}" is not a managed policy ARN.`);
  }
}
