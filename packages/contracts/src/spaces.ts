import { z } from 'zod';
import { name, spaceId } from './fields.js';

export const space = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  description: z.string(),
  inheritEntities: z.boolean(),
  createdAt: z.string(),
});
export type Space = z.infer<typeof space>;

const description = z.string().max(500, { error: 'Use at most 500 characters' });

export const createSpaceRequest = z.strictObject({
  name,
  parentId: spaceId,
  description: description.default(''),
  inheritEntities: z.boolean().default(true),
});
export type CreateSpaceRequest = z.infer<typeof createSpaceRequest>;

export const updateSpaceRequest = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  inheritEntities: z.boolean().optional(),
});
export type UpdateSpaceRequest = z.infer<typeof updateSpaceRequest>;

export const spaceList = z.object({ items: z.array(space) });
