import { z } from 'zod';
import { email, role } from './fields.js';

export const loginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(email),
  password: z.string().min(1, { error: 'Enter your password' }).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const user = z.object({ id: z.string(), email: z.string(), role });
export type User = z.infer<typeof user>;

export const sessionResponse = z.object({ user });
export type SessionResponse = z.infer<typeof sessionResponse>;
