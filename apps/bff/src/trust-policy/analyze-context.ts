import type { AnalyzeRequestContext } from '@rolebridge/contracts';
import type { AnalyzeContext } from '@rolebridge/trust-policy';

export interface RolebridgeDefaults {
  principalArn: string;
  roleSessionName: string;
  now: number;
  sourceIp?: string;
}

/**
 * Turns the API's request context into the evaluator's: the caller given in the context
 * replaces the platform identity; anything not given is what Rolebridge itself sends.
 */
export function analyzeContextOf(
  input: AnalyzeRequestContext | undefined,
  defaults: RolebridgeDefaults,
): { principalArn: string; context: AnalyzeContext } {
  const sourceIp = input?.sourceIp ?? defaults.sourceIp;
  const context: AnalyzeContext = {
    roleSessionName: input?.roleSessionName ?? defaults.roleSessionName,
    now: input?.time === undefined ? defaults.now : Date.parse(input.time),
    ...(sourceIp === undefined ? {} : { sourceIp }),
    ...(input?.region === undefined ? {} : { requestedRegion: input.region }),
    ...(input?.sessionTags === undefined ? {} : { sessionTags: input.sessionTags }),
    ...(input?.transitiveTagKeys === undefined
      ? {}
      : { transitiveTagKeys: input.transitiveTagKeys }),
    ...(input?.sourceIdentity === undefined ? {} : { sourceIdentity: input.sourceIdentity }),
  };
  const caller = input?.caller;
  if (caller === undefined) return { principalArn: defaults.principalArn, context };
  if (caller.type === 'user') {
    return {
      principalArn: caller.arn,
      context: {
        ...context,
        ...(caller.userId === undefined ? {} : { userId: caller.userId }),
        ...(caller.tags === undefined ? {} : { principalTags: caller.tags }),
      },
    };
  }
  // arn:aws:iam::<account>:role/<path/>name → arn:aws:sts::<account>:assumed-role/name/session
  const [, partition = 'aws', , , account = ''] = caller.roleArn.split(':');
  const roleName = caller.roleArn.slice(caller.roleArn.lastIndexOf('/') + 1);
  const sourceIdentity = input?.sourceIdentity ?? caller.sourceIdentity;
  return {
    principalArn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${caller.sessionName}`,
    context: {
      ...context,
      principalRoleArn: caller.roleArn,
      ...(caller.roleId === undefined ? {} : { userId: `${caller.roleId}:${caller.sessionName}` }),
      ...(caller.tags === undefined ? {} : { principalTags: caller.tags }),
      ...(caller.sourceIdentity === undefined
        ? {}
        : { callerSourceIdentity: caller.sourceIdentity }),
      // A session's source identity sticks: it is sent again on every role it assumes.
      ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
      tokenIssueTime:
        caller.issuedAt === undefined ? (context.now ?? defaults.now) : Date.parse(caller.issuedAt),
    },
  };
}
