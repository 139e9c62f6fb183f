import { describe, expect, it } from 'vitest';
import { expiresAtFor, explainRole } from './token-roles';

describe('token lifetimes', () => {
  const now = new Date('2025-03-01T12:00:00.000Z');

  it('sends no expiry for a token that never expires', () => {
    expect(expiresAtFor('never', now)).toBeUndefined();
  });

  it('counts whole days from now, as the ISO date time the contract asks for', () => {
    expect(expiresAtFor('30', now)).toBe('2025-03-31T12:00:00.000Z');
  });
});

it('tells an admin what a worker token may do', () => {
  expect(explainRole('worker')).toBe('may only start runs and fetch their credentials');
});
