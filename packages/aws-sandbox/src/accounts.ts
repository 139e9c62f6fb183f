import { timingSafeEqual } from 'node:crypto';
import { AwsError } from './query-protocol.js';
import type { Identity } from './identity.js';
import type { SessionStore } from './sessions.js';

export const PLATFORM_ACCOUNT_ID = '111111111111';
export const CUSTOMER_ACCOUNT_ID = '222222222222';

export interface SandboxKeys {
  /** `rolebridge` in the platform account: the BFF's identity. */
  platformKeyId: string;
  platformSecret: string;
  /** `admin` in the customer account: creates roles with the AWS CLI. */
  adminKeyId: string;
  adminSecret: string;
  /** The customer account's root user, so "root may not assume roles" can be shown. */
  rootKeyId: string;
  rootSecret: string;
}

/** Fixed, public demo keys. They only ever open this local sandbox. */
export const DEFAULT_SANDBOX_KEYS: SandboxKeys = {
  platformKeyId: 'AKIAROLEBRIDGEPLATFM',
  platformSecret: 'rolebridge/sandbox/platform/demo/secret0',
  adminKeyId: 'AKIASANDBOXCUSTADMIN',
  adminSecret: 'rolebridge/sandbox/customer/admin/secret',
  rootKeyId: 'AKIASANDBOXCUST2ROOT',
  rootSecret: 'rolebridge/sandbox/customer/root/secret0',
};

interface StaticKey {
  secret: string;
  identity: Identity;
}

const user = (account: string, name: string, userId: string): Identity => ({
  type: 'User',
  account,
  arn: `arn:aws:iam::${account}:user/${name}`,
  userId,
  principalArn: `arn:aws:iam::${account}:user/${name}`,
});

/** IAM users that exist in the sandbox, for validating `Principal` ARNs in trust policies. */
export const SANDBOX_USERS: readonly string[] = [
  `arn:aws:iam::${PLATFORM_ACCOUNT_ID}:user/rolebridge`,
  `arn:aws:iam::${CUSTOMER_ACCOUNT_ID}:user/admin`,
];

export const isSandboxAccount = (account: string): boolean =>
  account === PLATFORM_ACCOUNT_ID || account === CUSTOMER_ACCOUNT_ID;

export interface Credentials {
  secret: string;
  identity: Identity;
}

const invalidToken = () =>
  new AwsError(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    403,
  );

/** Resolves access keys (long-term or issued by AssumeRole) to their identity and secret. */
export class KeyRing {
  private readonly keys = new Map<string, StaticKey>();
  private readonly sessions: SessionStore;

  constructor(keys: SandboxKeys, sessions: SessionStore) {
    this.sessions = sessions;
    this.keys.set(keys.platformKeyId, {
      secret: keys.platformSecret,
      identity: user(PLATFORM_ACCOUNT_ID, 'rolebridge', 'AIDAROLEBRIDGEPLATFRM'),
    });
    this.keys.set(keys.adminKeyId, {
      secret: keys.adminSecret,
      identity: user(CUSTOMER_ACCOUNT_ID, 'admin', 'AIDASANDBOXCUSTADMIN2'),
    });
    this.keys.set(keys.rootKeyId, {
      secret: keys.rootSecret,
      identity: {
        type: 'Account',
        account: CUSTOMER_ACCOUNT_ID,
        arn: `arn:aws:iam::${CUSTOMER_ACCOUNT_ID}:root`,
        // GetCallerIdentity reports the account ID as the root user's UserId.
        userId: CUSTOMER_ACCOUNT_ID,
        principalArn: `arn:aws:iam::${CUSTOMER_ACCOUNT_ID}:root`,
      },
    });
  }

  resolve(accessKeyId: string, sessionToken: string | undefined, now: number): Credentials {
    const fixed = this.keys.get(accessKeyId);
    if (fixed) {
      if (sessionToken !== undefined) throw invalidToken();
      return fixed;
    }
    const session = this.sessions.get(accessKeyId);
    if (!session || sessionToken === undefined || !sameToken(session.sessionToken, sessionToken)) {
      throw invalidToken();
    }
    if (session.expiresAt <= now) {
      throw new AwsError(
        'ExpiredToken',
        'The security token included in the request is expired',
        403,
      );
    }
    return { secret: session.secretAccessKey, identity: session.identity };
  }
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
