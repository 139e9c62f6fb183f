export { startSandbox } from './server.js';
export type { Sandbox, SandboxOptions } from './server.js';
export { CUSTOMER_ACCOUNT_ID, DEFAULT_SANDBOX_KEYS, PLATFORM_ACCOUNT_ID } from './accounts.js';
export type { SandboxKeys } from './accounts.js';
export { FAULT_TAGS, FaultControl } from './faults.js';
export type { FaultSettings, FaultSnapshot } from './faults.js';
