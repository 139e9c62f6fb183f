import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Sandbox } from './server.js';

export const SPECIFIC_STACK_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Action: 'sts:AssumeRole',
      Condition: { StringLike: { 'sts:ExternalId': 'demo@*@stack-a@*' } },
      Effect: 'Allow',
      Principal: { AWS: '111111111111' },
    },
  ],
});

export const READ_ID_A = 'demo@01J9ZX3V6Q8K2M4N5P7R9S0T1U@stack-a@read';
export const READ_ID_B = 'demo@01J9ZX3V6Q8K2M4N5P7R9S0T1U@stack-b@read';

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const clientConfig = (sandbox: Sandbox, credentials: Creds, region = 'us-east-1') => ({
  endpoint: sandbox.url,
  region,
  credentials,
  // Tests assert single answers; the SDK would otherwise retry throttling and 5xx.
  maxAttempts: 1,
});

export const stsClient = (sandbox: Sandbox, credentials: Creds, region?: string) =>
  new STSClient(clientConfig(sandbox, credentials, region));

export const iamClient = (sandbox: Sandbox, credentials: Creds) =>
  new IAMClient(clientConfig(sandbox, credentials));

export const platformCreds = (sandbox: Sandbox): Creds => ({
  accessKeyId: sandbox.keys.platformKeyId,
  secretAccessKey: sandbox.keys.platformSecret,
});

export const adminCreds = (sandbox: Sandbox): Creds => ({
  accessKeyId: sandbox.keys.adminKeyId,
  secretAccessKey: sandbox.keys.adminSecret,
});

/** Resolves to the rejection of a promise that must fail. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
}

export interface SignOptions {
  service?: string;
  creds?: Creds;
  region?: string;
}

/** Signs an arbitrary Query body the way the SDK would, for requests the SDK cannot make. */
export async function signedPost(
  sandbox: Sandbox,
  body: string | Buffer,
  opts: SignOptions = {},
): Promise<RawReply> {
  return rawPost(sandbox, body, await signHeaders(sandbox, body, opts));
}

export async function signHeaders(
  sandbox: Sandbox,
  body: string | Buffer,
  opts: SignOptions = {},
): Promise<Record<string, string>> {
  const url = new URL(sandbox.url);
  const creds = opts.creds ?? platformCreds(sandbox);
  const signer = new SignatureV4({
    credentials: creds,
    region: opts.region ?? 'us-east-1',
    service: opts.service ?? 'sts',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: {
        host: url.host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      },
      body,
    }),
  );
  return signed.headers;
}

export async function rawPost(
  sandbox: Sandbox,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' },
): Promise<RawReply> {
  const { host: _host, ...sendable } = headers;
  const res = await fetch(`${sandbox.url}/`, {
    method: 'POST',
    headers: sendable,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
