import type { Identity } from './identity.js';
import { newSecret, newSessionKeyId, newSessionToken } from './ids.js';

export interface Session {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  identity: Identity;
}

export interface SessionSubject {
  account: string;
  roleArn: string;
  roleName: string;
  roleId: string;
  sessionName: string;
  tags?: Readonly<Record<string, string>>;
  transitiveTags?: Readonly<Record<string, string>>;
  sourceIdentity?: string;
}

/**
 * Sessions issued by AssumeRole, kept so the sandbox can verify its own temporary
 * credentials. Bounded: the oldest are forgotten first (and then read as invalid, like
 * credentials from a restarted sandbox). Expired ones stay until evicted so callers
 * get `ExpiredToken` rather than `InvalidClientTokenId`.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly max: number;

  constructor(max = 50_000) {
    this.max = max;
  }

  issue(subject: SessionSubject, durationSeconds: number, now: number): Session {
    const arn = `arn:aws:sts::${subject.account}:assumed-role/${subject.roleName}/${subject.sessionName}`;
    const session: Session = {
      accessKeyId: newSessionKeyId(),
      secretAccessKey: newSecret(),
      sessionToken: newSessionToken(),
      expiresAt: now + durationSeconds * 1000,
      identity: {
        type: 'AssumedRole',
        account: subject.account,
        arn,
        userId: `${subject.roleId}:${subject.sessionName}`,
        principalArn: subject.roleArn,
        issuedAt: now,
        ...(subject.tags && { tags: subject.tags }),
        ...(subject.transitiveTags && { transitiveTags: subject.transitiveTags }),
        ...(subject.sourceIdentity !== undefined && { sourceIdentity: subject.sourceIdentity }),
      },
    };
    this.sessions.set(session.accessKeyId, session);
    if (this.sessions.size > this.max) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    return session;
  }

  get(accessKeyId: string): Session | undefined {
    return this.sessions.get(accessKeyId);
  }

  get size(): number {
    return this.sessions.size;
  }
}
