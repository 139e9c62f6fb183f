import { randomFillSync } from 'node:crypto';

// IAM unique IDs and access key IDs use this base-32 alphabet (no 0, 1, 8, 9).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

// One getrandom() per credential triple was the largest cost of AssumeRole under load;
// drawing from a pool refilled 64 KiB at a time is what crypto.randomUUID does too.
const pool = Buffer.alloc(64 * 1024);
let offset = pool.length;

function randomBytes(length: number): Buffer {
  if (offset + length > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  // A copy, so a later refill cannot change bytes already handed out.
  const out = Buffer.from(pool.subarray(offset, offset + length));
  offset += length;
  return out;
}

function base32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

/** `AROA…` (21 characters), the unique ID IAM gives a role. */
export const newRoleId = (): string => `AROA${base32(17)}`;

/** `ASIA…` (20 characters), the prefix AWS uses for temporary access keys. */
export const newSessionKeyId = (): string => `ASIA${base32(16)}`;

export const newSecret = (): string => randomBytes(30).toString('base64');

export const newSessionToken = (): string => randomBytes(180).toString('base64');
