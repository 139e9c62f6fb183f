import { isAccountId, type Caller } from './arn.js';
import type { PrincipalBlock } from './types.js';

export interface CompiledPrincipal {
  anyAws: boolean;
  /** "partition:account" for ARN roots; "*:account" for bare IDs (they take the role's partition). */
  accounts: Map<string, string>;
  exactArns: Set<string>;
  /** "partition:account:role-name" → the ARN as written; a role covers its sessions. */
  roles: Map<string, string>;
  others: string[];
  listed: string[];
}

const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const ROOT = /^arn:([^:]+):iam::(\d{12}):root$/;

export function compilePrincipal(block: PrincipalBlock): CompiledPrincipal {
  const cp: CompiledPrincipal = {
    anyAws: block.anyAws,
    accounts: new Map(),
    exactArns: new Set(),
    roles: new Map(),
    others: [],
    listed: [],
  };
  for (const value of block.aws) {
    cp.listed.push(value);
    const role = ROLE.exec(value);
    const root = ROOT.exec(value);
    if (isAccountId(value)) cp.accounts.set(`*:${value}`, value);
    else if (root) cp.accounts.set(`${root[1]}:${root[2]}`, value);
    else if (role) cp.roles.set(`${role[1]}:${role[2]}:${role[3]}`, value);
    else cp.exactArns.add(value);
  }
  for (const value of [...block.service, ...block.federated, ...block.canonicalUser]) {
    cp.listed.push(value);
    cp.others.push(value);
  }
  return cp;
}

export interface PrincipalMatch {
  matched: boolean;
  reason: string;
  /** Matched only because the whole account is trusted. */
  viaAccount: boolean;
}

export function matchPrincipal(
  cp: CompiledPrincipal,
  caller: Caller,
  partition: string,
): PrincipalMatch {
  const who = `${caller.arn} (account ${caller.account || 'unknown'})`;
  if (cp.anyAws) {
    return {
      matched: true,
      viaAccount: false,
      reason: `The policy trusts every AWS identity ("*"), so it trusts ${who}.`,
    };
  }
  const accountHit =
    cp.accounts.get(`*:${caller.account}`) ??
    cp.accounts.get(`${caller.partition}:${caller.account}`);
  if (accountHit !== undefined && caller.partition === partition) {
    return {
      matched: true,
      viaAccount: true,
      reason: `The policy trusts the whole account ${caller.account} (written as "${accountHit}"), which ${caller.arn} belongs to.`,
    };
  }
  if (cp.exactArns.has(caller.arn)) {
    return {
      matched: true,
      viaAccount: false,
      reason: `The policy names the caller ${caller.arn} exactly.`,
    };
  }
  if (caller.roleName !== undefined) {
    const roleHit = cp.roles.get(`${caller.partition}:${caller.account}:${caller.roleName}`);
    if (roleHit !== undefined) {
      const how =
        caller.type === 'AssumedRole' ? `a session of the role ${roleHit}` : `the role ${roleHit}`;
      return {
        matched: true,
        viaAccount: false,
        reason: `The policy names the role ${roleHit}; the caller is ${how}.`,
      };
    }
  }
  const trusted = cp.listed.length ? cp.listed.map((p) => `"${p}"`).join(', ') : 'nobody';
  const otherPartition =
    accountHit !== undefined
      ? ` The account matches but the caller is in partition "${caller.partition}" while the role is in "${partition}".`
      : '';
  return {
    matched: false,
    viaAccount: false,
    reason: `The caller ${who} is not among the trusted principals: ${trusted}.${otherPartition}`,
  };
}
