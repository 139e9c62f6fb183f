import type { JsonValue } from '../types.js';
import { checkRoleOptions, type RoleOptions } from './role-options.js';

// HCL would interpolate "${...}" and "%{...}" inside strings, turning IAM policy
// variables into Terraform references; doubling the sigil keeps them literal.
const hclString = (value: string): string =>
  JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function hcl(value: JsonValue, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${hcl(v, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([k, v]) => `${pad}${IDENT.test(k) ? k : hclString(k)} = ${hcl(v, indent + 2)}`,
    );
    return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
  }
  return typeof value === 'string' ? hclString(value) : String(value);
}

/** An `aws_iam_role` with the trust policy as `jsonencode(...)`, plus one attachment per managed policy. */
export function toTerraform(opts: RoleOptions & { resourceName?: string }): string {
  checkRoleOptions(opts);
  const resource = opts.resourceName ?? 'rolebridge';
  if (!IDENT.test(resource))
    throw new RangeError(`"${resource}" is not a Terraform resource name.`);
  const attrs: [string, string][] = [['name', hclString(opts.roleName)]];
  if (opts.description !== undefined) attrs.push(['description', hclString(opts.description)]);
  if (opts.maxSessionDuration !== undefined)
    attrs.push(['max_session_duration', String(opts.maxSessionDuration)]);
  attrs.push(['assume_role_policy', `jsonencode(${hcl(opts.policy, 2)})`]);
  const width = Math.max(...attrs.map(([k]) => k.length));
  const out = [
    `resource "aws_iam_role" "${resource}" {`,
    ...attrs.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`),
    '}',
  ];
  // managed_policy_arns on aws_iam_role is deprecated in provider v5+.
  (opts.managedPolicyArns ?? []).forEach((arn, i) => {
    out.push(
      '',
      `resource "aws_iam_role_policy_attachment" "${resource}_${i}" {`,
      `  role       = aws_iam_role.${resource}.name`,
      `  policy_arn = ${hclString(arn)}`,
      '}',
    );
  });
  out.push('', `output "${resource}_role_arn" {`, `  value = aws_iam_role.${resource}.arn`, '}');
  return `${out.join('\n')}\n`;
}
