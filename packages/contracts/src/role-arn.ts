const EXAMPLE = 'arn:aws:iam::123456789012:role/rolebridge';
const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov']);
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/([\x21-\x7e]+\/)?$/;

/**
 * Says, in words an admin can act on, why a pasted value is not a role ARN that STS
 * will accept — or returns null when it is one. Near misses (a user ARN copied from the
 * wrong page, an instance profile, a session ARN) are the common mistakes, so each has
 * its own message.
 */
export function describeRoleArnProblem(value: string): string | null {
  if (value.length === 0) return `Enter a role ARN, such as ${EXAMPLE}`;
  if (value !== value.trim()) return 'Remove the spaces before or after the ARN';
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return `This is not an ARN. A role ARN looks like ${EXAMPLE}`;
  }
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.has(partition)) {
    return `Unknown partition "${partition}": use aws, aws-cn or aws-us-gov`;
  }
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const roleName = resource.split('/')[1] ?? '';
    return `This is the ARN of a role session, not of the role. Use arn:${partition}:iam::${account}:role/${roleName}`;
  }
  if (service !== 'iam')
    return `This is an ARN for ${service}, not IAM. A role ARN looks like ${EXAMPLE}`;
  if (region !== '')
    return 'IAM ARNs have no region: remove it (arn:aws:iam::<account>:role/<name>)';
  if (!/^\d+$/.test(account)) return 'The account ID must be 12 digits';
  if (account.length !== 12) {
    return `The account ID has ${account.length} digits; AWS account IDs have exactly 12`;
  }
  const kind = resource.split('/')[0];
  if (kind === 'user') return `This is an IAM user ARN. A role ARN looks like ${EXAMPLE}`;
  if (kind === 'policy')
    return `This is an IAM policy ARN. Copy the ARN of the role instead (${EXAMPLE})`;
  if (kind === 'instance-profile') {
    return `This is an instance profile ARN. Use the role's ARN: arn:${partition}:iam::${account}:role/${resource.split('/').pop() ?? ''}`;
  }
  if (kind === 'group') return `This is an IAM group ARN. A role ARN looks like ${EXAMPLE}`;
  if (kind === 'root') return `This is the account's root ARN. A role ARN looks like ${EXAMPLE}`;
  if (kind !== 'role') return `A role ARN has "role/" after the account ID, such as ${EXAMPLE}`;
  const afterRole = resource.slice('role'.length);
  const lastSlash = afterRole.lastIndexOf('/');
  const path = afterRole.slice(0, lastSlash + 1);
  const roleName = afterRole.slice(lastSlash + 1);
  if (!ROLE_PATH.test(path)) return 'The role path is not valid';
  if (!ROLE_NAME.test(roleName)) {
    return 'The role name must be 1 to 64 letters, digits or +=,.@_-';
  }
  return null;
}
