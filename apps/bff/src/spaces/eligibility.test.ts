import { describe, expect, it } from 'vitest';
import { inheritingSpaces, usableSpaces, type SpaceNode } from './eligibility.js';

// root ─ team (inherits) ─ app (inherits)
//      └ locked (does not inherit) ─ inner (inherits)
const tree: SpaceNode[] = [
  { id: 'root', parent_id: null, inherit_entities: 0 },
  { id: 'team', parent_id: 'root', inherit_entities: 1 },
  { id: 'app', parent_id: 'team', inherit_entities: 1 },
  { id: 'locked', parent_id: 'root', inherit_entities: 0 },
  { id: 'inner', parent_id: 'locked', inherit_entities: 1 },
];

describe('which spaces share integrations', () => {
  it('lets a stack use its own space and ancestors while each step inherits', () => {
    expect(usableSpaces(tree, 'app')).toEqual(['app', 'team', 'root']);
    expect(usableSpaces(tree, 'inner')).toEqual(['inner', 'locked']);
    expect(usableSpaces(tree, 'locked')).toEqual(['locked']);
    expect(usableSpaces(tree, 'missing')).toEqual([]);
  });

  it('offers an integration to its space and inheriting descendants only', () => {
    expect(inheritingSpaces(tree, 'root').sort()).toEqual(['app', 'root', 'team']);
    expect(inheritingSpaces(tree, 'locked').sort()).toEqual(['inner', 'locked']);
    expect(inheritingSpaces(tree, 'app')).toEqual(['app']);
  });
});
