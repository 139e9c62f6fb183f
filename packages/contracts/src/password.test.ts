import { describe, expect, it } from 'vitest';
import { accountName } from './fields.js';
import { serverEnv } from './env.js';
import { acceptInviteRequest } from './setup.js';
import { passwordProblem } from './password.js';

const token = 'x'.repeat(43);
const messageFor = (password: string) => {
  const result = acceptInviteRequest.safeParse({ token, password });
  return result.success ? null : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('a new password must not be the obvious guess', () => {
  it('refuses one repeated character, naming the field', () => {
    expect(messageFor('aaaaaaaaaaaa')).toEqual([
      ['password', 'Use more than one repeated character'],
    ]);
    expect(messageFor('            ')).not.toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(messageFor('Password1234')).toEqual([
      ['password', 'This password is too common; choose another'],
    ]);
    expect(messageFor('123456789012')).not.toBeNull();
  });

  it('refuses the email itself and its local part', () => {
    expect(passwordProblem('Bob.Builder@Example.com', 'bob.builder@example.com')).toMatch(/email/);
    expect(passwordProblem('bob.builder1', 'bob.builder1@example.com')).toMatch(/email/);
    expect(passwordProblem('correct horse battery staple', 'bob@example.com')).toBeNull();
  });

  it('keeps the length rule', () => {
    expect(messageFor('short-pw')).toEqual([['password', 'Use at least 12 characters']]);
    expect(messageFor('a'.repeat(300))).not.toBeNull();
  });

  it('stops the server on a weak first-admin password, naming the variable', () => {
    const result = serverEnv.safeParse({
      ROLEBRIDGE_ADMIN_EMAIL: 'ops@example.com',
      ROLEBRIDGE_ADMIN_PASSWORD: 'ops@example.com',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'ROLEBRIDGE_ADMIN_PASSWORD',
    ]);
  });
});

describe('account names', () => {
  it('may not start or end with a hyphen', () => {
    for (const bad of ['-demo', 'demo-', '-', 'a', 'Demo', 'x'.repeat(40)])
      expect(accountName.safeParse(bad).success, bad).toBe(false);
    for (const good of ['demo', 'ab', 'acme-prod', 'a1', 'x'.repeat(39)])
      expect(accountName.safeParse(good).success, good).toBe(true);
  });
});
