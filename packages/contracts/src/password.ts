import { z } from 'zod';

/**
 * Passwords that pass the length rule but are the first ones guessed: lists of leaked
 * passwords are full of them. Compared without case; deliberately short (the length rule
 * and the login limit do most of the work).
 */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123123123123',
  '111111111111',
  '1q2w3e4r5t6y',
  'qwertyuiopasdfgh',
  'qwertyuiop123',
  'qwerty123456',
  'qwerty12345678',
  'password1234',
  'password12345',
  'password123456',
  'password1234567',
  'passwordpassword',
  'password!123',
  'p@ssw0rd1234',
  'iloveyou1234',
  'letmeinletmein',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'changeme123456',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadminadmin',
  'rolebridge123',
  'rolebridge1234',
  'abcdefghijkl',
  'abcd1234abcd1234',
]);

/** Why a new password is too easy to guess, or null when it is fine. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12) return 'Use at least 12 characters';
  if (password.length > 256) return 'Use at most 256 characters';
  if (/^(.)\1*$/su.test(password)) return 'Use more than one repeated character';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is too common; choose another';
  if (email) {
    const address = email.toLowerCase();
    if (lower === address || lower === address.split('@')[0])
      return 'Do not use your email address as the password';
  }
  return null;
}

/** A password someone is choosing; the email check needs the email, so callers add it. */
export const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
