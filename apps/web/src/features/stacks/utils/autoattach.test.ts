import { describe, expect, it } from 'vitest';
import { autoattachLabel } from './autoattach';

describe('autoattachLabel', () => {
  it('names the label that matches one of the stack labels', () => {
    expect(autoattachLabel(['prod', 'autoattach:eu', 'autoattach:net'], ['net'])).toBe(
      'autoattach:net',
    );
  });

  it('prefers a specific match over the wildcard', () => {
    expect(autoattachLabel(['autoattach:*', 'autoattach:net'], ['net'])).toBe('autoattach:net');
  });

  it('falls back to autoattach:* and otherwise to nothing', () => {
    expect(autoattachLabel(['autoattach:*'], [])).toBe('autoattach:*');
    expect(autoattachLabel(['net'], ['net'])).toBeNull();
  });
});
