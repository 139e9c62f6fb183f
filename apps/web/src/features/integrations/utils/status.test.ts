import { describe, expect, it } from 'vitest';
import { verificationStatus } from './status';

const verification = (ok: boolean) => ({
  ok,
  results: [],
  confusedDeputy: { checked: true, open: false },
});

describe('verificationStatus', () => {
  it('says "Not verified" until a verification has run', () => {
    expect(verificationStatus({ lastVerification: null }).label).toBe('Not verified');
  });

  it('reflects the last verification', () => {
    expect(verificationStatus({ lastVerification: verification(true) }).label).toBe('Verified');
    expect(verificationStatus({ lastVerification: verification(false) }).label).toBe('Failing');
  });
});
