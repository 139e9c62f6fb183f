import { checkRoleOptions, type RoleOptions } from './role-options.js';

// POSIX single quotes: nothing inside is special except the quote itself.
const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Shell commands that create the role (or, with `existingRole`, replace its trust policy).
 * `aws` is the command with its global options, e.g. a sandbox's `--endpoint-url` and `--region`.
 */
export function toAwsCli(opts: RoleOptions & { existingRole?: boolean; aws?: string }): string {
  checkRoleOptions(opts);
  const aws = opts.aws ?? 'aws';
  const document = shellQuote(JSON.stringify(opts.policy));
  const name = shellQuote(opts.roleName);
  if (opts.existingRole) {
    return `${aws} iam update-assume-role-policy \\\n  --role-name ${name} \\\n  --policy-document ${document}\n`;
  }
  const lines = [`${aws} iam create-role \\`, `  --role-name ${name} \\`];
  if (opts.description !== undefined)
    lines.push(`  --description ${shellQuote(opts.description)} \\`);
  if (opts.maxSessionDuration !== undefined)
    lines.push(`  --max-session-duration ${opts.maxSessionDuration} \\`);
  lines.push(`  --assume-role-policy-document ${document}`);
  for (const arn of opts.managedPolicyArns ?? []) {
    lines.push(
      '',
      `${aws} iam attach-role-policy --role-name ${name} --policy-arn ${shellQuote(arn)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
