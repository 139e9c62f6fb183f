import type { ActionContext, ActionHandler } from './context.js';
import { sleep } from './context.js';
import { AwsError, el } from './query-protocol.js';
import { readSessionTags } from './session-params.js';
import { refusedAction } from './trust.js';
import { PATTERNS, Validator } from './validation.js';

// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

const CHAINED_SESSION_LIMIT = 3600;

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** STS answers for the account that would receive credentials. */
function assertRegionEnabled(ctx: ActionContext, account: string): void {
  if (ctx.services.faults.forRegion(ctx.region)?.disabled) {
    throw new AwsError(
      'RegionDisabledException',
      `STS is not activated in this region for account:${account}. ` +
        'Your account administrator can activate STS in this region using the IAM Console.',
      403,
    );
  }
}

const getCallerIdentity: ActionHandler = (ctx) => {
  assertRegionEnabled(ctx, ctx.caller.account);
  const { arn, userId, account } = ctx.caller;
  return `${el('Arn', arn)}${el('UserId', userId)}${el('Account', account)}`;
};

const ROLE_ARN = /^arn:([^:]+):([^:]*):([^:]*):([^:]*):(.+)$/s;
const ROLE_RESOURCE = /^role((?:\/[\u0021-\u007E]*)?\/)([\w+=,.@-]+)$/;

const assumeRole: ActionHandler = async (ctx) => {
  const { params, caller, now, services } = ctx;
  const v = new Validator();
  const roleArn = v.string('roleArn', params.get('RoleArn'), {
    required: true,
    min: 20,
    max: 2048,
    pattern: PATTERNS.arn,
  });
  const sessionName = v.string('roleSessionName', params.get('RoleSessionName'), {
    required: true,
    min: 2,
    max: 64,
    pattern: PATTERNS.roleSessionName,
  });
  const externalId = v.string('externalId', params.get('ExternalId'), {
    min: 2,
    max: 1224,
    pattern: PATTERNS.externalId,
  });
  const sourceIdentity = v.string('sourceIdentity', params.get('SourceIdentity'), {
    min: 2,
    max: 64,
    pattern: PATTERNS.sourceIdentity,
  });
  const requested = v.integer('durationSeconds', params.get('DurationSeconds'), {
    min: 900,
    max: 43200,
  });
  const { tags, transitiveTagKeys } = readSessionTags(v, params);
  v.check();
  if (roleArn === undefined || sessionName === undefined) return null;

  const arn = ROLE_ARN.exec(roleArn);
  if (!arn) throw new AwsError('ValidationError', `${roleArn} is invalid`, 400);
  const [, partition, service, region, account = '', resource = ''] = arn;
  assertRegionEnabled(ctx, /^\d{12}$/.test(account) ? account : caller.account);

  if (caller.type === 'Account') {
    throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.', 403);
  }
  // Same answer for "no such role" and "not trusted", so callers cannot probe for roles.
  // Built on demand: capturing a stack trace on every successful call costs throughput.
  // A refused sts:TagSession or sts:SetSourceIdentity is named in the same text.
  const denied = (action = 'sts:AssumeRole') =>
    new AwsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${roleArn}`,
      403,
    );
  const res = ROLE_RESOURCE.exec(resource);
  if (partition !== 'aws' || service !== 'iam' || region !== '' || !res) throw denied();
  const role = services.roles.get(account, res[2] ?? '');
  if (!role || role.path !== res[1]) throw denied();

  const faults = services.faults.forRole(role.arn, role.tags);
  if (faults.latencyMs) await sleep(faults.latencyMs);
  if (faults.throttle) throw new AwsError('Throttling', 'Rate exceeded', 400);

  const policy = services.roles.effectivePolicy(role, now);
  if (!policy) throw denied();
  // A role session's transitive tags and source identity carry over to the sessions it
  // assumes. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining
  const identity = sourceIdentity ?? caller.sourceIdentity;
  const refused = refusedAction(policy, {
    caller,
    roleArn: role.arn,
    roleSessionName: sessionName,
    ...(externalId === undefined ? {} : { externalId }),
    sessionTags: tags,
    transitiveTagKeys,
    ...(identity === undefined ? {} : { sourceIdentity: identity }),
    ...(ctx.sourceIp === undefined ? {} : { sourceIp: ctx.sourceIp }),
    region: ctx.region,
    now,
  });
  if (refused) throw denied(refused);

  const chained = caller.type === 'AssumedRole';
  if (chained && requested !== undefined && requested > CHAINED_SESSION_LIMIT) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
      400,
    );
  }
  const maxSession = Math.min(role.maxSessionDuration, faults.maxSessionDuration ?? Infinity);
  if (requested !== undefined && requested > maxSession) {
    throw new AwsError(
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      400,
    );
  }

  const session = services.sessions.issue(
    {
      account: role.account,
      roleArn: role.arn,
      roleName: role.roleName,
      roleId: role.roleId,
      sessionName,
      ...sessionTagsOf(role.tags, caller.transitiveTags, tags, transitiveTagKeys),
      ...(identity === undefined ? {} : { sourceIdentity: identity }),
    },
    requested ?? 3600,
    now,
  );
  services.roles.markUsed(role, ctx.region, now);
  return (
    `<Credentials>${el('AccessKeyId', session.accessKeyId)}` +
    `${el('SecretAccessKey', session.secretAccessKey)}${el('SessionToken', session.sessionToken)}` +
    `${el('Expiration', isoSeconds(session.expiresAt))}</Credentials>` +
    `<AssumedRoleUser>${el('AssumedRoleId', session.identity.userId)}` +
    `${el('Arn', session.identity.arn)}</AssumedRoleUser>` +
    el('SourceIdentity', identity)
  );
};

/**
 * The new session's principal tags: the role's tags, overridden by incoming transitive
 * tags, overridden by the tags sent now (tag keys compare without regard to case).
 */
function sessionTagsOf(
  roleTags: readonly { Key: string; Value: string }[],
  incoming: Readonly<Record<string, string>> | undefined,
  sent: Record<string, string>,
  transitiveKeys: readonly string[],
): { tags: Record<string, string>; transitiveTags?: Record<string, string> } {
  const merged = new Map<string, [string, string]>();
  const put = (k: string, v: string) => merged.set(k.toLowerCase(), [k, v]);
  for (const t of roleTags) put(t.Key, t.Value);
  for (const [k, v] of Object.entries(incoming ?? {})) put(k, v);
  for (const [k, v] of Object.entries(sent)) put(k, v);
  const transitive: Record<string, string> = { ...incoming };
  const wanted = new Set(transitiveKeys.map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(sent)) if (wanted.has(k.toLowerCase())) transitive[k] = v;
  return {
    tags: Object.fromEntries(merged.values()),
    ...(Object.keys(transitive).length ? { transitiveTags: transitive } : {}),
  };
}

export const stsActions: Record<string, ActionHandler> = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
};
