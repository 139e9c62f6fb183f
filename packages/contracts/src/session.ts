import { z } from 'zod';
import { email, role } from './fields.js';

export const loginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(email),
  password: z.string().min(1, { error: 'Enter your password' }).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** A role granted on a space; it holds in every space below it too. */
export const membership = z.object({ spaceId: z.string(), role });
export type Membership = z.infer<typeof membership>;

export const user = z.object({
  id: z.string(),
  email: z.string(),
  /** The strongest role anywhere, shown as "your role". */
  role,
  /** What the console may offer where: each grant, inherited downward (SPEC "Users and access"). */
  memberships: z.array(membership),
});
export type User = z.infer<typeof user>;

export const sessionResponse = z.object({ user });
export type SessionResponse = z.infer<typeof sessionResponse>;
