import { stackSlug } from '@rolebridge/contracts';
import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('lowercases and joins words with single hyphens', () => {
    expect(slugify('Production  Network -- EU')).toBe('production-network-eu');
  });

  it('folds accents and drops other symbols', () => {
    expect(slugify('Zürich café #2!')).toBe('zurich-cafe-2');
  });

  it('never starts or ends with a hyphen, even when cut at 64 characters', () => {
    const slug = slugify(`${'a'.repeat(63)} b`);
    expect(slug).toBe('a'.repeat(63));
    expect(stackSlug.safeParse(slug).success).toBe(true);
  });

  it('gives an empty string for a name with no letters or digits', () => {
    expect(slugify('—!?')).toBe('');
  });
});
