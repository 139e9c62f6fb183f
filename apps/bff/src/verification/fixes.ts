import type { HintFix } from '@rolebridge/contracts';
import { toAwsCli, type PolicyDocument } from '@rolebridge/trust-policy';
import { awsPrefix, withKeys, type CliTarget } from '../aws/cli-target.js';

export const roleNameOf = (arn: string) => arn.split('/').pop() ?? arn;

/** The current document's statements, when it is a policy we can add to; else none. */
function statementsOf(current: string | undefined): unknown[] {
  if (!current) return [];
  try {
    const doc = JSON.parse(current) as { Statement?: unknown };
    if (Array.isArray(doc.Statement)) return doc.Statement;
    if (doc.Statement && typeof doc.Statement === 'object') return [doc.Statement];
  } catch {
    // Not JSON: the corrected document starts afresh.
  }
  return [];
}

/**
 * A statement alone is not a policy (`update-assume-role-policy` refuses it: "Effect" is not
 * a policy field), so a fix offers three things to copy: the statement, the whole corrected
 * document (the current one plus the statement, when we know the current one) and the
 * command that writes it to the role.
 */
export function trustPolicyFixes(input: {
  roleArn: string;
  statement: string;
  /** The trust policy the role has now, when known (pasted, or read from the sandbox). */
  current?: string | undefined;
  cli: CliTarget | null;
}): HintFix[] {
  const statement = JSON.parse(input.statement) as unknown;
  const existing = statementsOf(input.current);
  const same = existing.some((s) => JSON.stringify(s) === JSON.stringify(statement));
  const policy = {
    Version: '2012-10-17',
    Statement: same ? existing : [...existing, statement],
  } as PolicyDocument;
  const fixes: HintFix[] = [
    { kind: 'statement', label: 'Statement to add', value: input.statement },
    {
      kind: 'policy',
      label:
        existing.length > 0
          ? 'Whole trust policy: the current one with the statement added'
          : 'Whole trust policy (replaces the current one)',
      value: JSON.stringify(policy, null, 2),
    },
  ];
  try {
    const command = toAwsCli({
      roleName: roleNameOf(input.roleArn),
      policy,
      existingRole: true,
      aws: awsPrefix(input.cli),
    });
    fixes.push({
      kind: 'command',
      label: input.cli
        ? 'AWS CLI command that applies it (exports the sandbox customer admin keys first)'
        : 'AWS CLI command that applies it (with credentials for the role’s account)',
      value: withKeys(input.cli, command.trimEnd()),
    });
  } catch {
    // A role name IAM would not accept: no command to offer, the document still helps.
  }
  return fixes;
}
