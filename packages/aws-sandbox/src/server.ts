import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SANDBOX_KEYS, KeyRing } from './accounts.js';
import type { SandboxKeys } from './accounts.js';
import { handleControl } from './control.js';
import { dispatch } from './dispatch.js';
import { FaultControl } from './faults.js';
import { AwsError, STS_NAMESPACE, errorXml } from './query-protocol.js';
import { SessionStore } from './sessions.js';
import { RoleStore } from './state.js';

export interface SandboxOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  keys?: Partial<SandboxKeys>;
  /** JSON file that keeps roles across restarts; memory only when absent. */
  stateFile?: string;
  /** Serve the unauthenticated test-only fault endpoint under `/_sandbox/faults`. */
  faultControl?: boolean;
  logger?: { info(obj: object, msg?: string): void; error?(obj: object, msg?: string): void };
  /** Injected clock, for expiry tests. */
  clock?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  keys: SandboxKeys;
  /** In-process handle on the same faults the HTTP control changes. */
  faults: FaultControl;
  close(): Promise<void>;
}

// Far above any valid request (a 128 KiB policy, URL-encoded), far below memory trouble.
const MAX_BODY_BYTES = 1024 * 1024;
// Past this we stop reading what we will refuse anyway and drop the connection.
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

type Body = { ok: true; body: Buffer } | { ok: false };

function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () =>
      resolve(size <= MAX_BODY_BYTES ? { ok: true, body: Buffer.concat(chunks) } : { ok: false }),
    );
    req.on('error', reject);
    // A destroyed request never ends; answering it is pointless but the promise must settle.
    req.on('close', () => resolve({ ok: false }));
  });
}

const describe = (e: unknown): string =>
  e instanceof Error ? (e.stack ?? e.message) : typeof e === 'string' ? e : 'non-Error thrown';

function send(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    'x-amzn-RequestId': requestId,
  });
  res.end(xml);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const keys: SandboxKeys = { ...DEFAULT_SANDBOX_KEYS, ...opts.keys };
  const sessions = new SessionStore();
  const services = { roles: new RoleStore(opts.stateFile), sessions, faults: new FaultControl() };
  const keyRing = new KeyRing(keys, sessions);
  const clock = opts.clock ?? Date.now;
  const log = opts.logger;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = randomUUID();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    if (path.startsWith('/_sandbox/')) {
      await handleControl(req, res, path, services.faults, opts.faultControl === true);
      return;
    }
    const read = await readBody(req);
    if (!read.ok) {
      const error = new AwsError(
        'RequestEntityTooLarge',
        `Request body must not exceed ${MAX_BODY_BYTES} bytes.`,
        413,
      );
      send(res, 413, errorXml(error, STS_NAMESPACE, requestId), requestId);
      return;
    }
    const query: Record<string, string> = {};
    if (queryAt !== -1) {
      for (const [k, v] of new URLSearchParams(rawUrl.slice(queryAt + 1))) query[k] = v;
    }
    const reply = await dispatch(
      {
        method: req.method ?? 'POST',
        path,
        query,
        headers: req.headers,
        body: read.body,
        ...(req.socket.remoteAddress === undefined
          ? {}
          : { remoteAddress: sourceIp(req.socket.remoteAddress) }),
      },
      requestId,
      { keyRing, services, clock },
    );
    send(res, reply.status, reply.xml, requestId);
    if (reply.crash !== undefined) {
      log?.error?.({ requestId, err: describe(reply.crash) }, 'aws-sandbox internal error');
    }
    log?.info(
      {
        requestId,
        service: reply.service,
        action: reply.action,
        caller: reply.caller,
        status: reply.status,
        code: reply.error?.code,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'aws-sandbox request',
    );
  };

  const server = createServer(
    { keepAliveTimeout: 10_000, headersTimeout: 10_000, requestTimeout: 60_000 },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        log?.error?.({ err: describe(e) }, 'aws-sandbox request failed');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    },
  );
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4566, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    keys,
    faults: services.faults,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.roles.flush();
    },
  };
}

/** A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; AWS sees them as IPv4. */
function sourceIp(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
