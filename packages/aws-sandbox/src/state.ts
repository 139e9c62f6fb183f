import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parsePolicy } from './trust.js';
import type { TrustPolicy } from './trust.js';

export interface Tag {
  Key: string;
  Value: string;
}

/** A role as IAM reports it. Persisted as-is (minus the parsed policy cache). */
export interface RoleRecord {
  account: string;
  roleName: string;
  path: string;
  roleId: string;
  arn: string;
  createDate: string;
  description?: string;
  maxSessionDuration: number;
  assumeRolePolicyDocument: string;
  tags: Tag[];
  lastUsed?: { date: string; region: string };
}

type ParsedPolicy = TrustPolicy;

/** What STS sees, which lags IAM while a propagation delay is configured. */
interface StsView {
  policy: ParsedPolicy;
  pending?: { policy: ParsedPolicy; effectiveAt: number };
  /** A freshly created role is invisible to STS until then. */
  visibleAt: number;
}

interface PersistedState {
  version: 1;
  roles: RoleRecord[];
}

const key = (account: string, roleName: string) => `${account}/${roleName.toLowerCase()}`;

function parseStored(text: string): ParsedPolicy {
  const parsed = parsePolicy(text);
  // Documents were validated on the way in; a failure here means the evaluator changed.
  if (!parsed.ok)
    throw new Error(`stored trust policy no longer parses: ${parsed.errors[0]?.message}`);
  return parsed.policy;
}

/**
 * IAM roles per account. Role names are unique per account regardless of case, as in IAM.
 * With a state file, every change is written through (atomically: temp file + rename).
 */
export class RoleStore {
  private readonly roles = new Map<string, RoleRecord>();
  private readonly sts = new Map<string, StsView>();
  private readonly file: string | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(file?: string) {
    this.file = file;
    if (file === undefined) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    // A corrupt file stops the start rather than being overwritten with an empty state.
    const state = JSON.parse(text) as PersistedState;
    if (state.version !== 1 || !Array.isArray(state.roles)) {
      throw new Error(`${file} is not an aws-sandbox state file (version 1)`);
    }
    for (const role of state.roles) {
      this.roles.set(key(role.account, role.roleName), role);
      this.sts.set(key(role.account, role.roleName), {
        policy: parseStored(role.assumeRolePolicyDocument),
        visibleAt: 0,
      });
    }
  }

  get(account: string, roleName: string): RoleRecord | undefined {
    return this.roles.get(key(account, roleName));
  }

  list(account: string): RoleRecord[] {
    return [...this.roles.values()].filter((r) => r.account === account);
  }

  count(account: string): number {
    return this.list(account).length;
  }

  async create(
    role: RoleRecord,
    policy: ParsedPolicy,
    delayMs: number,
    now: number,
  ): Promise<void> {
    this.roles.set(key(role.account, role.roleName), role);
    this.sts.set(key(role.account, role.roleName), { policy, visibleAt: now + delayMs });
    await this.persist();
  }

  async setPolicy(
    role: RoleRecord,
    text: string,
    policy: ParsedPolicy,
    delayMs: number,
    now: number,
  ): Promise<void> {
    role.assumeRolePolicyDocument = text;
    const view = this.stsView(role, now);
    if (view && delayMs > 0) view.pending = { policy, effectiveAt: now + delayMs };
    else if (view) view.policy = policy;
    await this.persist();
  }

  async update(
    role: RoleRecord,
    change: Partial<Pick<RoleRecord, 'description' | 'maxSessionDuration'>>,
  ): Promise<void> {
    Object.assign(role, change);
    await this.persist();
  }

  async delete(role: RoleRecord): Promise<void> {
    this.roles.delete(key(role.account, role.roleName));
    this.sts.delete(key(role.account, role.roleName));
    await this.persist();
  }

  /** The trust policy STS evaluates now, or undefined while the role is not yet visible. */
  effectivePolicy(role: RoleRecord, now: number): ParsedPolicy | undefined {
    const view = this.stsView(role, now);
    return view && view.visibleAt <= now ? view.policy : undefined;
  }

  /** Usage is bookkeeping, not configuration: it is not worth a disk write per AssumeRole. */
  markUsed(role: RoleRecord, region: string, now: number): void {
    role.lastUsed = { date: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), region };
  }

  private stsView(role: RoleRecord, now: number): StsView | undefined {
    const view = this.sts.get(key(role.account, role.roleName));
    if (view?.pending && view.pending.effectiveAt <= now) {
      view.policy = view.pending.policy;
      delete view.pending;
    }
    return view;
  }

  private persist(): Promise<void> {
    const file = this.file;
    if (file === undefined) return Promise.resolve();
    const state: PersistedState = { version: 1, roles: [...this.roles.values()] };
    const text = `${JSON.stringify(state, null, 2)}\n`;
    // Writes are chained so an older snapshot can never land after a newer one.
    const write = async () => {
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, file);
    };
    const next = this.writing.then(write, write);
    // One failed write must not poison every later one.
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every pending write has reached the disk. */
  flush(): Promise<void> {
    return this.writing;
  }
}
