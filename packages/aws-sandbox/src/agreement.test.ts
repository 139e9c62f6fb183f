import { CreateRoleCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { authorizeAssumeRole, parseTrustPolicy } from '@rolebridge/trust-policy';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server.js';
import { adminCreds, iamClient, platformCreds, stsClient } from './test-helpers.js';

// Property: for generated trust policies and AssumeRole requests, the sandbox (real HTTP,
// real AWS SDK, SigV4) answers exactly what the evaluator decides for the same request
// context. Conditions draw on every operator family and on the keys the sandbox fills.

const PLATFORM = '111111111111';
const CALLER = `arn:aws:iam::${PLATFORM}:user/rolebridge`;
const FAR_PAST = '2001-01-01T00:00:00Z';
const FAR_FUTURE = '2099-01-01T00:00:00Z';

const condition = fc.oneof(
  fc.record({
    op: fc.constantFrom('StringEquals', 'StringLike', 'StringNotLike', 'StringEqualsIfExists'),
    key: fc.constantFrom('sts:ExternalId', 'aws:RequestTag/team', 'sts:SourceIdentity'),
    values: fc.array(fc.constantFrom('demo@a', 'demo@*', 'blue', 'b*', 'alice', '*'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    op: fc.constantFrom('ArnLike', 'ArnNotLike', 'ArnEquals'),
    key: fc.constant('aws:PrincipalArn'),
    values: fc.array(
      fc.constantFrom(
        CALLER,
        'arn:aws:iam::*:user/*',
        'arn:aws:iam::*',
        'arn:aws:*/rolebridge',
        'arn:*:iam::*:role/*',
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({
    op: fc.constantFrom('DateGreaterThan', 'DateLessThan', 'DateNotEquals'),
    key: fc.constantFrom('aws:CurrentTime', 'aws:EpochTime', 'aws:TokenIssueTime'),
    values: fc.array(fc.constantFrom(FAR_PAST, FAR_FUTURE, '978307200', '4070908800'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    op: fc.constantFrom('IpAddress', 'NotIpAddress', 'IpAddressIfExists'),
    key: fc.constant('aws:SourceIp'),
    values: fc.array(fc.constantFrom('127.0.0.0/8', '10.0.0.0/8', '::1/128', '2001:db8::/32'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    op: fc.constantFrom('ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'StringEquals'),
    key: fc.constantFrom('aws:TagKeys', 'sts:TransitiveTagKeys'),
    values: fc.array(fc.constantFrom('team', 'cost', 't*'), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    op: fc.constantFrom('Bool', 'BoolIfExists', 'Null', 'NumericLessThan'),
    key: fc.constantFrom(
      'aws:SecureTransport',
      'aws:MultiFactorAuthPresent',
      'aws:MultiFactorAuthAge',
    ),
    values: fc.array(fc.constantFrom('true', 'false', '3600'), { minLength: 1, maxLength: 1 }),
  }),
);

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Principal: fc.constantFrom<unknown>({ AWS: PLATFORM }, '*', { AWS: CALLER }),
  Action: fc.constantFrom<unknown>('sts:AssumeRole', ['sts:AssumeRole', 'sts:TagSession'], 'sts:*'),
  conditions: fc.array(condition, { maxLength: 3 }),
});

const request = fc.record({
  externalId: fc.option(fc.constantFrom('demo@a', 'demo@b', 'other'), { nil: undefined }),
  tags: fc.option(
    fc.constantFrom<Record<string, string>>({ team: 'blue' }, { team: 'red', cost: 'x' }),
    {
      nil: undefined,
    },
  ),
  transitive: fc.boolean(),
  sourceIdentity: fc.option(fc.constant('alice'), { nil: undefined }),
});

interface Generated {
  Effect: string;
  Principal: unknown;
  Action: unknown;
  conditions: { op: string; key: string; values: string[] }[];
}

function document(statements: Generated[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map(({ conditions, ...s }) => {
      const block: Record<string, Record<string, string[]>> = {};
      for (const c of conditions) (block[c.op] ??= {})[c.key] = c.values;
      return conditions.length ? { ...s, Condition: block } : s;
    }),
  });
}

let sandbox: Sandbox;
let sts: STSClient;
let iam: IAMClient;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  sts = stsClient(sandbox, platformCreds(sandbox));
  iam = iamClient(sandbox, adminCreds(sandbox));
});
afterAll(() => sandbox.close());

it('the sandbox and the evaluator agree on generated policies and requests', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(statement, { minLength: 1, maxLength: 3 }),
      request,
      async (statements, req) => {
        const text = document(statements);
        const parsed = parseTrustPolicy(text, { maxLength: 2048 });
        if (!parsed.ok) return;
        const name = `agree-${n++}`;
        await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: text }));
        const roleArn = `arn:aws:iam::222222222222:role/${name}`;
        const tags = req.tags ?? {};
        const transitiveTagKeys = req.transitive ? Object.keys(tags) : [];
        const expected = authorizeAssumeRole(parsed.policy, {
          principalArn: CALLER,
          principalType: 'User',
          userId: 'AIDAROLEBRIDGEPLATFRM',
          roleArn,
          roleSessionName: 'agree',
          sessionTags: tags,
          transitiveTagKeys,
          ...(req.externalId === undefined ? {} : { externalId: req.externalId }),
          ...(req.sourceIdentity === undefined ? {} : { sourceIdentity: req.sourceIdentity }),
          sourceIp: '127.0.0.1',
          requestedRegion: 'us-east-1',
          now: Date.now(),
        });
        const answer = await sts
          .send(
            new AssumeRoleCommand({
              RoleArn: roleArn,
              RoleSessionName: 'agree',
              ...(req.externalId === undefined ? {} : { ExternalId: req.externalId }),
              ...(req.tags
                ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }
                : {}),
              ...(transitiveTagKeys.length ? { TransitiveTagKeys: transitiveTagKeys } : {}),
              ...(req.sourceIdentity === undefined ? {} : { SourceIdentity: req.sourceIdentity }),
            }),
          )
          .then(
            () => 'allow',
            (e: Error) => e.message,
          );
        const wanted =
          expected.decision === 'allow'
            ? 'allow'
            : `User: ${CALLER} is not authorized to perform: ${expected.action} on resource: ${roleArn}`;
        expect(answer, text).toBe(wanted);
      },
    ),
    { numRuns: 80 },
  );
  expect(n).toBeGreaterThan(40);
});
