import type { Stack } from '@rolebridge/contracts';
import type { StackWithLabels } from './repository.js';

export function toStack(row: StackWithLabels): Stack {
  return {
    slug: row.slug,
    name: row.name,
    spaceId: row.space_id,
    labels: row.labels,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
