import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent } from 'node:https';
import { Agent as HttpAgent } from 'node:http';

export interface StsTarget {
  /** Sandbox URL; absent for real AWS (the SDK picks the regional endpoint). */
  endpoint?: string;
  region: string;
  /** Static keys for the sandbox; absent for AWS (the default credential chain). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * 4 s unless a test wants a timeout without waiting that long: a verification answers in
   * under 5 s whatever STS does (one round of parallel calls, then the audit write).
   */
  requestTimeoutMs?: number;
}

/** One long-lived client per target, with keep-alive and a hard timeout (a hung STS must not hang a page). */
export function createStsClient(target: StsTarget): STSClient {
  const agentOptions = { keepAlive: true, maxSockets: 64 };
  return new STSClient({
    region: target.region,
    ...(target.endpoint && { endpoint: target.endpoint }),
    ...(target.credentials && { credentials: target.credentials }),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 2_000,
      requestTimeout: target.requestTimeoutMs ?? 4_000,
      // Without this, smithy only logs a warning and the call keeps waiting.
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new Agent(agentOptions),
    }),
  });
}
