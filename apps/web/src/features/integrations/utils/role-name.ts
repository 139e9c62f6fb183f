import { describeRoleArnProblem } from '@rolebridge/contracts';

/** The role's name from a valid role ARN (paths dropped), or null: the wizard names the integration after it. */
export function roleNameOf(roleArn: string): string | null {
  const arn = roleArn.trim();
  if (arn === '' || describeRoleArnProblem(arn) !== null) return null;
  return arn.slice(arn.lastIndexOf('/') + 1) || null;
}
