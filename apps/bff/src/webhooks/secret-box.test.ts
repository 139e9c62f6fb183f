import { describe, expect, it } from 'vitest';
import { createSecretBox, newSecretsKey, signature } from './secret-box.js';

describe('secret box', () => {
  const box = createSecretBox(newSecretsKey());

  it('opens what it sealed for the same webhook, and nothing else', () => {
    const sealed = box.seal('whsec-value-1234567890', 'WEBHOOK-A');
    expect(sealed).not.toContain('whsec');
    expect(box.open(sealed, 'WEBHOOK-A')).toBe('whsec-value-1234567890');
    // Copied onto another webhook's row, or opened with another key: refused, not garbage.
    expect(() => box.open(sealed, 'WEBHOOK-B')).toThrow();
    expect(() => createSecretBox(newSecretsKey()).open(sealed, 'WEBHOOK-A')).toThrow();
    // Same secret twice: different ciphertexts (fresh IV).
    expect(box.seal('whsec-value-1234567890', 'WEBHOOK-A')).not.toBe(sealed);
  });

  it('signs as GitHub-style receivers check it: sha256=<hex HMAC of the body>', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(signature('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
