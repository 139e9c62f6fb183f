import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const KEY_BYTES = 32;

/**
 * Webhook secrets at rest: AES-256-GCM under the server's secrets key (decision 011). A
 * secret must stay usable for signing, so unlike passwords and tokens it cannot be hashed.
 * Each value gets a fresh 96-bit IV; the GCM tag makes a wrong key or a changed row fail
 * loudly instead of signing with garbage. The webhook id is bound in as associated data,
 * so a ciphertext copied onto another webhook's row does not decrypt.
 */
export function createSecretBox(key: Buffer) {
  if (key.length !== KEY_BYTES) throw new Error(`The secrets key must be ${KEY_BYTES} bytes`);
  return {
    seal(plain: string, boundTo: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(boundTo));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return [VERSION, ...parts].join(':');
    },
    open(sealed: string, boundTo: string): string {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(boundTo))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes, as X-Rolebridge-Signature carries it. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function newSecretsKey(): Buffer {
  return randomBytes(KEY_BYTES);
}
