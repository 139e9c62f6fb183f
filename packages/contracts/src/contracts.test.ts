import { describe, expect, it } from 'vitest';
import {
  awsIntegrationList,
  createAwsIntegrationRequest,
  label,
  labels,
  listAwsIntegrationsQuery,
  roleArn,
  toFieldErrors,
} from './index.js';

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0]);

describe('role ARNs', () => {
  it('accepts role ARNs in every partition, with paths', () => {
    for (const arn of [
      'arn:aws:iam::222222222222:role/rolebridge',
      'arn:aws:iam::222222222222:role/team/ci/rolebridge',
      'arn:aws-us-gov:iam::222222222222:role/r',
      'arn:aws-cn:iam::222222222222:role/r',
    ])
      expect(roleArn.safeParse(arn).success).toBe(true);
  });

  it.each([
    ['arn:aws:iam::222222222222:user/alice', /IAM user ARN/],
    ['arn:aws:iam::222222222222:policy/p', /policy ARN/],
    ['arn:aws:sts::222222222222:assumed-role/r/s', /arn:aws:iam::222222222222:role\/r/],
    ['arn:aws:iam::2222:role/r', /4 digits/],
    ['arn:aws:iam:us-east-1:222222222222:role/r', /no region/],
    ['arn:azure:iam::222222222222:role/r', /partition/],
    ['not an arn', /not an ARN/],
  ])('explains what is wrong with %s', (value, message) => {
    const [error] = errorsOf(roleArn.safeParse(value));
    expect(error?.message).toMatch(message);
  });
});

describe('labels', () => {
  it('refuses spaces, commas, empties and duplicates with a message a user can act on', () => {
    expect(errorsOf(label.safeParse('has space'))[0]?.message).toMatch(/spaces or commas/);
    expect(errorsOf(label.safeParse(''))[0]?.message).toMatch(/empty/);
    expect(errorsOf(labels.safeParse(['a', 'a']))[0]?.message).toMatch(/unique/);
    expect(labels.safeParse(['autoattach:prod', 'team-a']).success).toBe(true);
  });
});

describe('creating an integration', () => {
  const base = {
    name: 'prod',
    spaceId: 'root',
    roleArn: 'arn:aws:iam::222222222222:role/r',
  };

  it('fills the documented defaults', () => {
    expect(createAwsIntegrationRequest.parse(base)).toEqual({
      ...base,
      assumeRoleOnWorker: false,
      durationSeconds: 3600,
      labels: [],
      autoattachEnabled: false,
    });
  });

  it('names each bad field, unknown ones included', () => {
    const result = createAwsIntegrationRequest.safeParse({
      ...base,
      durationSeconds: 60,
      externalId: 'custom-id',
      colour: 'blue',
    });
    expect(
      errorsOf(result)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['colour', 'durationSeconds', 'externalId']);
    const worker = createAwsIntegrationRequest.safeParse({ ...base, externalId: 'custom-id' });
    expect(errorsOf(worker)).toEqual([
      { path: 'externalId', message: expect.stringMatching(/Assume role on worker/) },
    ]);
  });
});

describe('the list query and page', () => {
  it('takes one or many labels, a status and a limit given as text', () => {
    expect(listAwsIntegrationsQuery.parse({ label: 'a', limit: '10' })).toMatchObject({
      label: ['a'],
      limit: 10,
    });
    expect(
      listAwsIntegrationsQuery.parse({ label: ['a', 'b'], status: 'not-checked' }),
    ).toMatchObject({ label: ['a', 'b'], status: 'not-checked', limit: 50 });
    const bad = listAwsIntegrationsQuery.safeParse({ status: 'ok', limit: '500', sort: 'x' });
    expect(
      errorsOf(bad)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['limit', 'sort', 'status']);
  });

  it('carries the total and whether it is exact', () => {
    const page = { items: [], nextCursor: null, total: 500, totalExact: false };
    expect(awsIntegrationList.parse(page)).toEqual(page);
    expect(awsIntegrationList.safeParse({ items: [], nextCursor: null }).success).toBe(false);
  });
});
