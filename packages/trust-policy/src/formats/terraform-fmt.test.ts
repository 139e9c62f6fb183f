import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateTrustPolicy, type GenerateOptions } from '../generate/generate.js';
import { toTerraform } from './terraform.js';

const base = { accountName: 'demo', platformAccountId: '111111111111' };
const cases: [string, Omit<GenerateOptions, keyof typeof base>][] = [
  ['any stack', { variant: 'any-stack' }],
  ['two stacks', { variant: 'specific-stacks', stackSlugs: ['prod', 'staging-eu'] }],
  ['plan only', { variant: 'plan-only' }],
  ['exact', { variant: 'exact', stackSlugs: ['prod'], integrationId: '01J0000000000000000000000' }],
];
const snippet = (options: (typeof cases)[number][1], extra = {}) =>
  toTerraform({
    roleName: 'rolebridge',
    policy: generateTrustPolicy({ ...base, ...options }).policy,
    ...extra,
  });

// `terraform fmt` is the judge where it is installed; the canonical text below holds without it.
const fmt = (source: string) => {
  const out = spawnSync('terraform', ['fmt', '-no-color', '-'], {
    input: source,
    encoding: 'utf8',
  });
  return out.error ? null : out.stdout;
};
const hasTerraform = fmt('') !== null;

describe('toTerraform is terraform fmt-clean', () => {
  it.skipIf(!hasTerraform).each(cases)('%s', (_name, options) => {
    for (const extra of [
      {},
      {
        description: 'Assumed by Rolebridge',
        maxSessionDuration: 3600,
        managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      },
    ]) {
      const source = snippet(options, extra);
      expect(fmt(source)).toBe(source);
    }
  });

  it('lines up the = of consecutive one-line attributes, and only those', () => {
    const source = snippet(cases[0]![1], { description: 'd', maxSessionDuration: 3600 });
    expect(source).toContain(
      [
        '  name                 = "rolebridge"',
        '  description          = "d"',
        '  max_session_duration = 3600',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '    Statement = [',
      ].join('\n'),
    );
  });
});
