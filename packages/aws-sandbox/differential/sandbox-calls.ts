import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../src/server.js';
import {
  adminCreds,
  iamClient,
  platformCreds,
  stsClient,
  type Creds,
} from '../src/test-helpers.js';
import {
  CALLER_SOURCE_IDENTITY,
  CUSTOMER,
  CUSTOMER_ROOT,
  CUSTOMER_USER,
  HOP_ROLE,
  HOP_TAGS,
  PLATFORM,
  PLATFORM_USER,
  sessionArn,
  type CallerFacts,
} from './callers.js';
import type { CallerKind, CaseRequest, Outcome } from './types.js';

export interface SandboxCallers {
  iam: IAMClient;
  facts: Record<CallerKind, CallerFacts>;
  sts: Record<CallerKind, STSClient>;
}

const HOP_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: PLATFORM_USER },
      Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
    },
  ],
});

/** Creates the hop role and two of its sessions (one carrying a source identity). */
export async function setUpCallers(sandbox: Sandbox): Promise<SandboxCallers> {
  const iam = iamClient(sandbox, adminCreds(sandbox));
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'hop',
      Path: '/team/',
      AssumeRolePolicyDocument: HOP_TRUST,
      Tags: Object.entries(HOP_TAGS).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  const platform = stsClient(sandbox, platformCreds(sandbox));
  const session = async (name: string, sourceIdentity?: string) => {
    const out = await platform.send(
      new AssumeRoleCommand({
        RoleArn: HOP_ROLE,
        RoleSessionName: name,
        ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
      }),
    );
    const c = out.Credentials!;
    const creds: Creds = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    const facts: CallerFacts = {
      kind: sourceIdentity ? 'session-si' : 'session',
      arn: sessionArn(name),
      type: 'AssumedRole',
      account: CUSTOMER,
      principalArn: HOP_ROLE,
      userId: out.AssumedRoleUser!.AssumedRoleId!,
      principalTags: HOP_TAGS,
      // The default one-hour session: issued an hour before it expires.
      tokenIssueTime: c.Expiration!.getTime() - 3600_000,
      ...(sourceIdentity ? { sourceIdentity } : {}),
    };
    return { creds, facts };
  };
  const plain = await session('hop');
  const withIdentity = await session('hop-si', CALLER_SOURCE_IDENTITY);
  const user = (arn: string, account: string, userId: string, userName: string) =>
    ({ kind: 'user', arn, type: 'User', account, principalArn: arn, userId, userName }) as const;
  const facts: Record<CallerKind, CallerFacts> = {
    user: user(PLATFORM_USER, PLATFORM, 'AIDAROLEBRIDGEPLATFRM', 'rolebridge'),
    'customer-user': {
      ...user(CUSTOMER_USER, CUSTOMER, 'AIDASANDBOXCUSTADMIN2', 'admin'),
      kind: 'customer-user',
    },
    root: {
      kind: 'root',
      arn: CUSTOMER_ROOT,
      type: 'Account',
      account: CUSTOMER,
      principalArn: CUSTOMER_ROOT,
      userId: CUSTOMER,
    },
    session: plain.facts,
    'session-si': withIdentity.facts,
  };
  const rootCreds: Creds = {
    accessKeyId: sandbox.keys.rootKeyId,
    secretAccessKey: sandbox.keys.rootSecret,
  };
  return {
    iam,
    facts,
    sts: {
      user: platform,
      'customer-user': stsClient(sandbox, adminCreds(sandbox)),
      root: stsClient(sandbox, rootCreds),
      session: stsClient(sandbox, plain.creds),
      'session-si': stsClient(sandbox, withIdentity.creds),
    },
  };
}

const REFUSED_ACTION = /is not authorized to perform: (sts:\w+) on resource/;

/** Creates the role through IAM and assumes it through STS, both over HTTP with the AWS SDK. */
export async function sandboxOutcome(
  callers: SandboxCallers,
  roleName: string,
  policy: string,
  caller: CallerKind,
  request: CaseRequest,
): Promise<Outcome | `error:${string}`> {
  try {
    await callers.iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: policy }),
    );
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'MalformedPolicyDocumentException' || name === 'LimitExceededException')
      return 'malformed';
    return `error:${name}`;
  }
  const tags = Object.entries(request.tags ?? {});
  try {
    await callers.sts[caller].send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${CUSTOMER}:role/${roleName}`,
        RoleSessionName: request.roleSessionName ?? 'diff',
        ...(request.externalId !== undefined ? { ExternalId: request.externalId } : {}),
        ...(tags.length ? { Tags: tags.map(([Key, Value]) => ({ Key, Value })) } : {}),
        ...(request.transitiveTagKeys?.length
          ? { TransitiveTagKeys: request.transitiveTagKeys }
          : {}),
        ...(request.sourceIdentity !== undefined ? { SourceIdentity: request.sourceIdentity } : {}),
      }),
    );
    return 'allow';
  } catch (e) {
    const err = e as Error;
    if (err.name !== 'AccessDenied') return `error:${err.name}: ${err.message}`;
    return `deny:${REFUSED_ACTION.exec(err.message)?.[1] ?? 'sts:AssumeRole'}` as Outcome;
  }
}
