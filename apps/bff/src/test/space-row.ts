import type { Database } from '../db/schema.js';

/**
 * A space row for tests that seed the table directly: `root` has no parent, any other space
 * sits under root; the caller overrides what it is about.
 */
export function spaceRow(
  id: string,
  overrides: Partial<Database['spaces']> = {},
): Database['spaces'] {
  return {
    id,
    name: id,
    parent_id: id === 'root' ? null : 'root',
    description: '',
    inherit_entities: 0,
    created_at: new Date(0).toISOString(),
    ...overrides,
  };
}
