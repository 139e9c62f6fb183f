import { describe, expect, it } from 'vitest';
import { authorizeAssumeRole } from './assume-role.js';
import { allow, policyOf, request } from './test-helpers.js';

// "To pass session tags … the role trust policy must allow sts:TagSession"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
// "sts:SetSourceIdentity … in the role trust policy"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
describe('authorizeAssumeRole', () => {
  const assumeOnly = policyOf(allow());
  const withTags = policyOf(allow({ Action: ['sts:AssumeRole', 'sts:TagSession'] }));
  const tags = { sessionTags: { Project: 'blue' } };

  it.each([
    ['no tags, no source identity', assumeOnly, {}, 'allow', 'sts:AssumeRole'],
    ['session tags without sts:TagSession', assumeOnly, tags, 'implicit-deny', 'sts:TagSession'],
    [
      'transitive keys alone also need it',
      assumeOnly,
      { transitiveTagKeys: ['Project'] },
      'implicit-deny',
      'sts:TagSession',
    ],
    ['session tags with sts:TagSession', withTags, tags, 'allow', 'sts:AssumeRole'],
    [
      'source identity without sts:SetSourceIdentity',
      withTags,
      { sourceIdentity: 'alice' },
      'implicit-deny',
      'sts:SetSourceIdentity',
    ],
    [
      'source identity with sts:SetSourceIdentity',
      policyOf(allow({ Action: 'sts:*' })),
      { ...tags, sourceIdentity: 'alice' },
      'allow',
      'sts:AssumeRole',
    ],
  ] as const)('%s', (_name, policy, ctx, decision, action) => {
    const r = authorizeAssumeRole(policy, request(ctx));
    expect(r).toMatchObject({ decision, action });
  });

  it('a Deny on sts:TagSession with a tag condition refuses only tagged calls', () => {
    const policy = policyOf([
      allow({ Action: ['sts:AssumeRole', 'sts:TagSession'] }),
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:TagSession',
        Condition: { StringEquals: { 'aws:RequestTag/Project': 'red' } },
      },
    ]);
    expect(authorizeAssumeRole(policy, request({ sessionTags: { Project: 'red' } }))).toMatchObject(
      {
        decision: 'explicit-deny',
        action: 'sts:TagSession',
      },
    );
    expect(authorizeAssumeRole(policy, request(tags)).decision).toBe('allow');
  });
});
