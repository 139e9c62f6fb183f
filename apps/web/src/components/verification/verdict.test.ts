import { describe, expect, it } from 'vitest';
import { verdictLabels, verdictOf } from './verdict';

const verification = (ok: boolean, extra: object = {}) => ({
  ok,
  results: [],
  confusedDeputy: { checked: true, open: false },
  ...extra,
});
const NOW = Date.parse('2026-11-30T12:00:00Z');
const retrying = (until: string) => ({
  retrying: { attempt: 2, startedAt: '2026-11-30T11:59:50Z', elapsedMs: 3000, until },
});

describe('verdictOf', () => {
  it('says "Not verified" until a verification has run', () => {
    expect(verdictLabels[verdictOf(null)]).toBe('Not verified');
  });

  it('reflects the last verification', () => {
    expect(verdictOf(verification(true))).toBe('verified');
    expect(verdictOf(verification(false))).toBe('failing');
    expect(verdictOf(verification(false, { deferred: true }))).toBe('deferred');
  });

  it('shows a retry under way only until its window closes', () => {
    expect(verdictOf(verification(false, retrying('2026-11-30T12:00:40Z')), NOW)).toBe('retrying');
    expect(verdictOf(verification(false, retrying('2026-11-30T11:59:59Z')), NOW)).toBe('failing');
  });
});
