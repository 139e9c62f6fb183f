import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './server.js';
import type { Sandbox } from './server.js';
import {
  READ_ID_A,
  SPECIFIC_STACK_POLICY,
  adminCreds,
  iamClient,
  platformCreds,
  rawPost,
  rejectionOf,
  signHeaders,
  signedPost,
  stsClient,
} from './test-helpers.js';
import type { RawReply } from './test-helpers.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());

// Every garbage request must leave the server able to answer the next real one.
afterEach(async () => {
  const me = await stsClient(sandbox, platformCreds(sandbox)).send(
    new GetCallerIdentityCommand({}),
  );
  expect(me.Account).toBe('111111111111');
});

function expectAwsError(reply: RawReply, status: number, code: string, message: string): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toBe('text/xml');
  const requestId = reply.headers.get('x-amzn-requestid');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(reply.text).toBe(
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error>' +
      `<Type>Sender</Type><Code>${code}</Code><Message>${message}</Message>` +
      `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  );
}

describe('garbage requests get AWS-style errors', () => {
  it('an unsigned request', async () => {
    const reply = await rawPost(sandbox, 'Action=GetCallerIdentity&Version=2011-06-15');
    expectAwsError(
      reply,
      403,
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
    );
  });

  it('a mangled Authorization header', async () => {
    const reply = await rawPost(sandbox, 'Action=GetCallerIdentity', {
      authorization: 'AWS4-HMAC-SHA256 whatever',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect([reply.status, /<Code>IncompleteSignature<\/Code>/.test(reply.text)]).toEqual([
      400,
      true,
    ]);
  });

  it('no Action', async () => {
    const reply = await signedPost(sandbox, 'Version=2011-06-15');
    expectAwsError(reply, 400, 'MissingAction', 'Missing Action');
  });

  it('an unknown Action', async () => {
    const reply = await signedPost(sandbox, 'Action=DropTables&Version=2011-06-15');
    expectAwsError(
      reply,
      400,
      'InvalidAction',
      'Could not find operation DropTables for version 2011-06-15',
    );
  });

  it('an IAM action sent to STS', async () => {
    const reply = await signedPost(sandbox, 'Action=CreateRole&Version=2011-06-15');
    expect(reply.text).toContain('<Code>InvalidAction</Code>');
  });

  it('broken form encoding', async () => {
    const reply = await signedPost(sandbox, 'Action=GetCallerIdentity&Version=2011-06-15&X=%ZZ%C3');
    expectAwsError(reply, 404, 'MalformedQueryString', 'The query string contains a syntax error.');
  });

  it('a 10 MB body', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024, 'a');
    const reply = await rawPost(sandbox, body);
    expect(reply.status).toBe(413);
    expect(reply.text).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('a service the sandbox does not serve', async () => {
    const reply = await signedPost(sandbox, 'Action=ListBuckets', { service: 's3' });
    expect(reply.status).toBe(403);
    expect(reply.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('characters XML cannot carry, echoed back in a validation message', async () => {
    const sts = stsClient(sandbox, platformCreds(sandbox));
    const err = await rejectionOf(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/x',
          RoleSessionName: 'a\u0001<b>&"\uFFFE',
        }),
      ),
    );
    // The SDK parsed the XML, so it was well-formed; unrepresentable characters became U+FFFD.
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe(
      "1 validation error detected: Value 'a\uFFFD<b>&\"\uFFFD' at 'roleSessionName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  });

  it('a lone surrogate, percent-encoded', async () => {
    const reply = await signedPost(
      sandbox,
      'Action=GetCallerIdentity&Version=2011-06-15&X=%ED%A0%80',
    );
    expectAwsError(reply, 404, 'MalformedQueryString', 'The query string contains a syntax error.');
  });

  it('a body other than the one that was signed', async () => {
    const headers = await signHeaders(sandbox, 'Action=GetCallerIdentity&Version=2011-06-15');
    const tampered = 'Action=AssumeRole&Version=2011-06-15';
    const reply = await rawPost(sandbox, tampered, headers);
    expect(reply.text).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
    const { 'x-amz-content-sha256': _hash, ...withoutHash } = headers;
    const bare = await rawPost(sandbox, tampered, withoutHash);
    expect(bare.status).toBe(403);
    expect(bare.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('temporary credentials', () => {
  it('expire into ExpiredToken', async () => {
    let offset = 0;
    const clocked = await startSandbox({ port: 0, clock: () => Date.now() + offset });
    try {
      const sts = stsClient(clocked, platformCreds(clocked));
      const iam = iamClient(clocked, adminCreds(clocked));
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'short-lived',
          AssumeRolePolicyDocument: SPECIFIC_STACK_POLICY,
        }),
      );
      const out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/short-lived',
          RoleSessionName: 'brief',
          ExternalId: READ_ID_A,
          DurationSeconds: 900,
        }),
      );
      const c = out.Credentials;
      const asRole = stsClient(clocked, {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: c?.SessionToken ?? '',
      });
      offset = 901_000;
      const err = await rejectionOf(asRole.send(new GetCallerIdentityCommand({})));
      expect([err.name, err.message]).toEqual([
        'ExpiredToken',
        'The security token included in the request is expired',
      ]);

      const forged = stsClient(clocked, {
        accessKeyId: c?.AccessKeyId ?? '',
        secretAccessKey: c?.SecretAccessKey ?? '',
        sessionToken: 'forged',
      });
      const bad = await rejectionOf(forged.send(new GetCallerIdentityCommand({})));
      expect(bad.name).toBe('InvalidClientTokenId');
    } finally {
      await clocked.close();
    }
  });
});
