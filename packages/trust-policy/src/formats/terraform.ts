import type { JsonValue } from '../types.js';
import { checkRoleOptions, type RoleOptions } from './role-options.js';

// HCL would interpolate "${...}" and "%{...}" inside strings, turning IAM policy
// variables into Terraform references; doubling the sigil keeps them literal.
const hclString = (value: string): string =>
  JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * `key = value` lines as `terraform fmt` writes them: the `=` of consecutive single-line
 * attributes lines up; an attribute whose value spans lines stands alone with one space.
 */
function attributeLines(entries: [string, string][], pad: string): string[] {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) lines.push(`${pad}${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const [k, v] of entries) {
    if (v.includes('\n')) {
      flush();
      lines.push(`${pad}${k} = ${v}`);
    } else run.push([k, v]);
  }
  flush();
  return lines;
}

function hcl(value: JsonValue, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}${hcl(v, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = attributeLines(
      entries.map(([k, v]) => [IDENT.test(k) ? k : hclString(k), hcl(v, indent + 2)]),
      pad,
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
  const out = [`resource "aws_iam_role" "${resource}" {`, ...attributeLines(attrs, '  '), '}'];
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
