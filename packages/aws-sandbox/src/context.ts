import type { FaultControl } from './faults.js';
import type { Identity } from './identity.js';
import type { Params } from './query-protocol.js';
import type { SessionStore } from './sessions.js';
import type { RoleStore } from './state.js';

export interface Services {
  roles: RoleStore;
  sessions: SessionStore;
  faults: FaultControl;
}

/** One authenticated Query request. */
export interface ActionContext {
  params: Params;
  caller: Identity;
  /** The region from the signature's credential scope. */
  region: string;
  /** The caller's address as the sandbox sees it (`aws:SourceIp`). */
  sourceIp?: string;
  now: number;
  services: Services;
}

/** Returns the inner XML of `<ActionResult>`, or null for actions that have none. */
export type ActionHandler = (ctx: ActionContext) => Promise<string | null> | string | null;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
