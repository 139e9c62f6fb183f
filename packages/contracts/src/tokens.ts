import { z } from 'zod';
import { name, spaceId } from './fields.js';

export const tokenRole = z.enum(['admin', 'write', 'read', 'worker']);
export type TokenRole = z.infer<typeof tokenRole>;

export const createTokenRequest = z.strictObject({
  name,
  role: tokenRole,
  spaceId,
  /** Optional end of life, e.g. for a CI worker; the token is refused (401) afterwards. */
  expiresAt: z.iso.datetime({ error: 'Use an ISO 8601 date and time' }).optional(),
});
export type CreateTokenRequest = z.infer<typeof createTokenRequest>;

export const createTokenResponse = z.object({ id: z.string(), token: z.string() });

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: tokenRole,
  spaceId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable().optional(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const tokenList = z.object({ items: z.array(apiToken) });
