import { z } from 'zod';

export const limit = z.coerce
  .number({ error: 'limit must be a number' })
  .int({ error: 'limit must be a whole number' })
  .min(1, { error: 'limit must be at least 1' })
  .max(100, { error: 'limit must be at most 100' })
  .default(50);

export const cursor = z
  .string()
  .max(512, { error: 'cursor is too long' })
  .regex(/^[\w-]*$/, {
    error: 'cursor is not valid',
  });

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
