import type { JsonValue } from '../types.js';
import { checkRoleOptions, type RoleOptions } from './role-options.js';
import { toYaml } from './yaml.js';

/** A CloudFormation template with the role, in YAML (default) or JSON. */
export function toCloudFormation(
  opts: RoleOptions & { format?: 'yaml' | 'json'; logicalId?: string },
): string {
  checkRoleOptions(opts);
  const logicalId = opts.logicalId ?? 'RolebridgeRole';
  const properties: { [key: string]: JsonValue } = {
    RoleName: opts.roleName,
    AssumeRolePolicyDocument: opts.policy,
  };
  if (opts.description !== undefined) properties.Description = opts.description;
  if (opts.maxSessionDuration !== undefined)
    properties.MaxSessionDuration = opts.maxSessionDuration;
  if (opts.managedPolicyArns?.length) properties.ManagedPolicyArns = opts.managedPolicyArns;
  const template: { [key: string]: JsonValue } = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'IAM role that Rolebridge assumes for stack runs',
    Resources: { [logicalId]: { Type: 'AWS::IAM::Role', Properties: properties } },
    Outputs: {
      RoleArn: {
        Description: 'Paste this ARN into Rolebridge',
        Value: { 'Fn::GetAtt': [logicalId, 'Arn'] },
      },
    },
  };
  return opts.format === 'json' ? `${JSON.stringify(template, null, 2)}\n` : toYaml(template);
}
