import type { STSClient } from '@aws-sdk/client-sts';
import { createStsClient } from './sts-client.js';

export interface StsClients {
  /** The client for an integration's region; null means the platform's default region. */
  forRegion(region: string | null): STSClient;
  /** The platform's region: runs export it when the integration names none. */
  defaultRegion: string;
  destroy(): void;
}

export interface StsClientsOptions {
  defaultRegion: string;
  /** Sandbox URL: every region goes there, signed for its region so region faults apply. */
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  requestTimeoutMs?: number;
  /** Tests hook each new client, e.g. to see what STS returned. */
  instrument?: (client: STSClient) => void;
}

/**
 * One long-lived client per region. In aws mode the SDK resolves the regional STS endpoint
 * (sts.<region>.amazonaws.com), so an integration with a region never depends on us-east-1.
 */
export function createStsClients(options: StsClientsOptions): StsClients {
  const clients = new Map<string, STSClient>();
  return {
    defaultRegion: options.defaultRegion,
    forRegion(region) {
      const key = region ?? options.defaultRegion;
      let client = clients.get(key);
      if (!client) {
        client = createStsClient({
          region: key,
          ...(options.endpoint && { endpoint: options.endpoint }),
          ...(options.credentials && { credentials: options.credentials }),
          ...(options.requestTimeoutMs && { requestTimeoutMs: options.requestTimeoutMs }),
        });
        options.instrument?.(client);
        clients.set(key, client);
      }
      return client;
    },
    destroy() {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}
