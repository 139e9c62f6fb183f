import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultControl } from './faults.js';
import { parseFaultSnapshot } from './faults.js';

// Test-only control surface. Unauthenticated on purpose (tests and e2e drive it with
// plain fetch), so it is off unless the embedder asks for it.

const MAX_CONTROL_BODY = 64 * 1024;

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_CONTROL_BODY) throw new Error('body too large');
  }
  return JSON.parse(text) as unknown;
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  faults: FaultControl,
  enabled: boolean,
): Promise<void> {
  if (path === '/_sandbox/health' && req.method === 'GET') {
    json(res, 200, { status: 'ok' });
    return;
  }
  if (path !== '/_sandbox/faults') {
    json(res, 404, { error: 'not found' });
    return;
  }
  if (!enabled) {
    req.resume();
    json(res, 404, { error: 'fault control is disabled (start with faultControl: true)' });
    return;
  }
  if (req.method === 'GET') {
    json(res, 200, faults.snapshot());
  } else if (req.method === 'PUT') {
    try {
      faults.replace(parseFaultSnapshot(await readJson(req)));
      json(res, 200, faults.snapshot());
    } catch (e) {
      json(res, 400, { error: e instanceof Error ? e.message : String(e) });
    }
  } else if (req.method === 'DELETE') {
    faults.reset();
    json(res, 200, faults.snapshot());
  } else {
    json(res, 405, { error: 'use GET, PUT or DELETE' });
  }
}
