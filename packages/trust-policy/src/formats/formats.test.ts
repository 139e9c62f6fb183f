import { describe, expect, it } from 'vitest';
import { generateTrustPolicy } from '../generate/generate.js';
import type { PolicyDocument } from '../types.js';
import { toAwsCli } from './aws-cli.js';
import { toCloudFormation } from './cloudformation.js';
import { toTerraform } from './terraform.js';

const { policy } = generateTrustPolicy({
  variant: 'any-stack',
  accountName: 'demo',
  platformAccountId: '111111111111',
});
const role = {
  roleName: 'rolebridge',
  policy,
  maxSessionDuration: 3600,
  managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
};

describe('toAwsCli', () => {
  it('creates the role with the policy as one shell-quoted JSON argument', () => {
    const cli = toAwsCli(role);
    expect(cli).toContain('--assume-role-policy-document \'{"Version":"2012-10-17"');
    expect(cli).toContain('--max-session-duration 3600');
    expect(cli).toContain(
      "aws iam attach-role-policy --role-name 'rolebridge' --policy-arn 'arn:aws:iam::aws:policy/ReadOnlyAccess'",
    );
    const quoted = /--assume-role-policy-document '(.*)'$/m.exec(cli)?.[1] ?? '';
    expect(JSON.parse(quoted)).toEqual(policy);
  });

  it('escapes single quotes and can update an existing role', () => {
    const tricky: PolicyDocument = { ...policy, Id: "it's" };
    const cli = toAwsCli({ roleName: 'r', policy: tricky, existingRole: true });
    expect(cli).toContain('update-assume-role-policy');
    expect(cli).toContain(`"it'\\''s"`);
  });

  it.each([
    [{ roleName: 'bad name' }, /role name/],
    [{ maxSessionDuration: 60 }, /MaxSessionDuration/],
    [{ managedPolicyArns: ['ReadOnlyAccess'] }, /managed policy ARN/],
  ])('refuses %o', (patch, message) => {
    expect(() => toAwsCli({ ...role, ...patch })).toThrow(message);
  });
});

describe('toCloudFormation', () => {
  it('JSON template holds the role, trust policy, duration and managed policies', () => {
    const template = JSON.parse(toCloudFormation({ ...role, format: 'json' })) as {
      Resources: { RolebridgeRole: { Type: string; Properties: Record<string, unknown> } };
    };
    expect(template.Resources.RolebridgeRole.Type).toBe('AWS::IAM::Role');
    expect(template.Resources.RolebridgeRole.Properties).toMatchObject({
      AssumeRolePolicyDocument: policy,
      MaxSessionDuration: 3600,
      ManagedPolicyArns: role.managedPolicyArns,
    });
  });

  it('YAML template quotes every string so YAML reads them back as written', () => {
    const yaml = toCloudFormation(role);
    expect(yaml).toContain('"Type": "AWS::IAM::Role"');
    expect(yaml).toContain('"sts:ExternalId": "demo@*"');
    expect(yaml).toContain('"MaxSessionDuration": 3600');
    expect(yaml).toContain('- "arn:aws:iam::aws:policy/ReadOnlyAccess"');
  });
});

describe('toTerraform', () => {
  it('writes aws_iam_role with jsonencode and one attachment per managed policy', () => {
    const tf = toTerraform(role);
    expect(tf).toContain('resource "aws_iam_role" "rolebridge" {');
    expect(tf).toContain('max_session_duration = 3600');
    expect(tf).toContain('"sts:ExternalId" = "demo@*"');
    expect(tf).toContain('resource "aws_iam_role_policy_attachment" "rolebridge_0"');
    expect(tf).toContain('role       = aws_iam_role.rolebridge.name');
  });

  it('keeps IAM policy variables out of Terraform interpolation', () => {
    const withVariable: PolicyDocument = { ...policy, Id: '${aws:username}' };
    expect(toTerraform({ roleName: 'r', policy: withVariable })).toContain(
      'Id = "$${aws:username}"',
    );
  });
});
