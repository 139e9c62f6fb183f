import { describe, expect, it } from 'vitest';
import { holdsAnywhere, roleInSpace } from './role-in-space';

const spaces = [
  { id: 'root', parentId: null },
  { id: 'prod', parentId: 'root' },
  { id: 'prod-eu', parentId: 'prod' },
  { id: 'dev', parentId: 'root' },
];

describe('roleInSpace', () => {
  it('inherits a grant downward and takes the strongest on the way up', () => {
    const memberships = [
      { spaceId: 'root', role: 'read' as const },
      { spaceId: 'prod', role: 'write' as const },
    ];
    expect(roleInSpace(memberships, spaces, 'prod-eu')).toBe('write');
    expect(roleInSpace(memberships, spaces, 'dev')).toBe('read');
    expect(roleInSpace([{ spaceId: 'prod', role: 'admin' }], spaces, 'dev')).toBeNull();
  });

  it('answers no role for a space it does not know', () => {
    expect(roleInSpace([{ spaceId: 'prod', role: 'admin' }], spaces, 'elsewhere')).toBeNull();
  });
});

describe('holdsAnywhere', () => {
  it('is true when any grant is strong enough', () => {
    expect(holdsAnywhere([{ spaceId: 'dev', role: 'admin' }], 'write')).toBe(true);
    expect(holdsAnywhere([{ spaceId: 'root', role: 'read' }], 'write')).toBe(false);
  });
});
