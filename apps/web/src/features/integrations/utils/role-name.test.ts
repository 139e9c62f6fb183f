import { describe, expect, it } from 'vitest';
import { roleNameOf } from './role-name';

describe('roleNameOf', () => {
  it('takes the name after the last slash of a valid role ARN, pasted spaces and all', () => {
    expect(roleNameOf('arn:aws:iam::222222222222:role/rolebridge')).toBe('rolebridge');
    expect(roleNameOf('  arn:aws:iam::222222222222:role/ci/deploy@prod ')).toBe('deploy@prod');
  });

  it('has no name for anything that is not a role ARN', () => {
    expect(roleNameOf('')).toBeNull();
    expect(roleNameOf('arn:aws:iam::222222222222:user/admin')).toBeNull();
    expect(roleNameOf('rolebridge')).toBeNull();
  });
});
