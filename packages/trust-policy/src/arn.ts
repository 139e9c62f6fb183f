export type CallerType = 'User' | 'AssumedRole' | 'Account' | 'FederatedUser' | 'Role' | 'Unknown';

export interface Caller {
  arn: string;
  partition: string;
  account: string;
  type: CallerType;
  /** The role behind an assumed-role session (or the role itself). */
  roleName?: string;
  userName?: string;
  /** What AWS puts in aws:PrincipalArn: for a role session, the role, not the session. */
  principalArn: string;
}

const ACCOUNT_ID = /^\d{12}$/;
export const isAccountId = (value: string): boolean => ACCOUNT_ID.test(value);

let last: { arn: string; caller: Caller } | undefined;

/** Parse a caller ARN; memoised on the last value because callers repeat in loops. */
export function parseCaller(arn: string): Caller {
  if (last?.arn === arn) return last.caller;
  const caller = parseCallerUncached(arn);
  last = { arn, caller };
  return caller;
}

function parseCallerUncached(arn: string): Caller {
  const unknown: Caller = {
    arn,
    partition: 'aws',
    account: '',
    type: 'Unknown',
    principalArn: arn,
  };
  if (isAccountId(arn)) return { ...unknown, account: arn, type: 'Account' };
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return unknown;
  const [, partition = 'aws', service, , account = ''] = parts;
  const resource = parts.slice(5).join(':');
  const base = { arn, partition, account, principalArn: arn };
  if (service === 'iam') {
    if (resource === 'root') return { ...base, type: 'Account' };
    if (resource.startsWith('user/')) {
      return { ...base, type: 'User', userName: resource.slice(resource.lastIndexOf('/') + 1) };
    }
    if (resource.startsWith('role/')) {
      return { ...base, type: 'Role', roleName: resource.slice(resource.lastIndexOf('/') + 1) };
    }
  }
  if (service === 'sts') {
    const [kind, name, session] = resource.split('/');
    if (kind === 'assumed-role' && name && session) {
      // The session ARN carries no role path, so the role ARN is rebuilt without one.
      const principalArn = `arn:${partition}:iam::${account}:role/${name}`;
      return { ...base, type: 'AssumedRole', roleName: name, principalArn };
    }
    if (kind === 'federated-user' && name) return { ...base, type: 'FederatedUser' };
  }
  return { ...base, type: 'Unknown' };
}

export interface RoleRef {
  partition: string;
  account: string;
  name: string;
}

export function parseRoleArn(arn: string): RoleRef | undefined {
  const m = /^arn:([a-z-]+):iam::(\d{12}):role\/(?:[^/]+\/)*([\w+=,.@-]+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1] ?? 'aws', account: m[2] ?? '', name: m[3] ?? '' };
}
