import { signature } from './secret-box.js';

export interface SendResult {
  ok: boolean;
  /** The receiver's HTTP status; null when none came (refused, timed out). */
  status: number | null;
  /** Why it failed, for the deliveries list: never a secret, never the body. */
  error: string | null;
}

export interface Envelope {
  url: string;
  deliveryId: string;
  event: string;
  body: string;
  secret: string;
}

/**
 * One POST of a delivery. Redirects are never followed (`redirect: 'manual'`): a 3xx would
 * otherwise send the signed body to wherever the receiver points, other hosts included, so
 * it counts as a failed delivery and says where it pointed. Only a 2xx is a delivery.
 */
export async function send(envelope: Envelope, timeoutMs: number): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(envelope.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Rolebridge-Webhooks/1',
        'x-rolebridge-event': envelope.event,
        'x-rolebridge-delivery': envelope.deliveryId,
        'x-rolebridge-signature': signature(envelope.secret, envelope.body),
      },
      body: envelope.body,
    });
  } catch (err) {
    return { ok: false, status: null, error: describeFailure(err, timeoutMs) };
  }
  // The answer's body is not ours to keep; drop it so the socket can be reused.
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300)
    return { ok: true, status: response.status, error: null };
  if (response.status >= 300 && response.status < 400) {
    const location = hostOf(response.headers.get('location'));
    return {
      ok: false,
      status: response.status,
      error: `Redirect${location ? ` to ${location}` : ''} not followed: webhooks never follow redirects`,
    };
  }
  return {
    ok: false,
    status: response.status,
    error: `The receiver answered HTTP ${response.status}`,
  };
}

function hostOf(location: string | null): string | null {
  if (!location) return null;
  try {
    return new URL(location).host;
  } catch {
    return null;
  }
}

function describeFailure(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `No answer within ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Host not found';
  if (code) return `Connection failed (${code})`;
  return 'Connection failed';
}
