import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureIssuedSecrets, createRole, expectNoLeak, trustPolicy } from '../test/roles.js';
import { awsCli, token } from '../test/stacks.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { reissueDurationSeconds } from './reissue.js';

// Time moves only when a test says so; STS (the sandbox) keeps the wall's time.
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

interface AssumeCall {
  RoleSessionName: string;
  DurationSeconds: number;
  ExternalId: string;
}
const calls: AssumeCall[] = [];
const issued: string[] = [];

let t: TestApp;
let b: ReturnType<TestApp['replica']>;
let admin: TestAgent;
let worker: string;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    instrument: (client) => {
      captureIssuedSecrets(issued)(client);
      client.middlewareStack.add(
        (next, context) => (args) => {
          if (context.commandName === 'AssumeRoleCommand') calls.push(args.input as AssumeCall);
          return next(args);
        },
        { step: 'initialize', name: 'recordAssumeRole' },
      );
    },
  });
  b = t.replica();
  admin = await t.loginAgent();
  worker = await token(admin, 'worker');
});
afterAll(async () => {
  await b.close();
  await t.close();
});
beforeEach(() => {
  offsetMs = 0;
});

let n = 0;
async function startedRun(durationSeconds = 3600) {
  const slug = `reissue-${++n}`;
  const { roleArn, roleName } = await createRole(t.iam, trustPolicy('demo@*'));
  const created = await admin
    .post('/api/integrations/aws')
    .send({ name: slug, spaceId: 'root', roleArn, durationSeconds })
    .expect(201);
  await admin.post('/api/stacks').send({ slug, name: slug, spaceId: 'root' }).expect(201);
  await admin
    .post(`/api/stacks/${slug}/aws-integrations`)
    .send({ integrationId: created.body.integration.id, read: true, write: true })
    .expect(201);
  const run = (await admin.post(`/api/stacks/${slug}/runs`).send({ phase: 'plan' }).expect(201))
    .body as { id: string; expiresAt: string; assumedRoleArn: string };
  return { slug, run, roleName };
}
const environment = (app: TestApp['app'], slug: string, id: string) =>
  request(app)
    .get(`/api/stacks/${slug}/runs/${id}/environment`)
    .set({ Authorization: `Bearer ${worker}` });

describe('a replica that does not hold a run’s credentials', () => {
  it('issues them again: same role session, within the run’s expiry, accepted by the AWS CLI', async () => {
    const { slug, run } = await startedRun();
    const before = calls.length;
    // Four workers ask replica B at once: one AssumeRole between them.
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => environment(b.app, slug, run.id)),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const reissued = calls.slice(before);
    expect(reissued).toHaveLength(1);
    const first = calls.find((c) => c.RoleSessionName === reissued[0]!.RoleSessionName)!;
    expect(reissued[0]).toMatchObject({
      RoleSessionName: `${run.id}@${slug}@demo`,
      ExternalId: first.ExternalId,
    });
    // What is left of the run, never the integration's whole hour again.
    expect(reissued[0]!.DurationSeconds).toBeLessThanOrEqual(3600);
    expect(reissued[0]!.DurationSeconds).toBeGreaterThan(3500);
    const env = answers[0]!.body as { variables: Record<string, string>; expiresAt: string };
    expect(Date.parse(env.expiresAt)).toBeLessThanOrEqual(Date.parse(run.expiresAt));
    expect(Date.parse(env.expiresAt)).toBeGreaterThan(Date.parse(run.expiresAt) - 120_000);
    // New credentials (B never saw A's), for the same assumed-role session.
    const fromA = await environment(t.app, slug, run.id).expect(200);
    expect(env.variables.AWS_ACCESS_KEY_ID).not.toBe(fromA.body.variables.AWS_ACCESS_KEY_ID);
    const who = await awsCli(t, env.variables, ['sts', 'get-caller-identity']);
    expect(who.stderr).toBe('');
    expect(JSON.parse(who.stdout).Arn).toBe(run.assumedRoleArn);
    // B keeps them: a second ask costs no AssumeRole.
    await environment(b.app, slug, run.id).expect(200);
    expect(calls.length - before).toBe(1);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'sts.assume_role')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toContainEqual(
      expect.objectContaining({ purpose: 'run.reissue', runId: run.id, outcome: 'allowed' }),
    );
  });

  it('asks STS for its 15-minute minimum in a run’s last 15 minutes', async () => {
    const { slug, run } = await startedRun(1800);
    offsetMs = 20 * 60_000; // 10 minutes left by the console's clock
    const before = calls.length;
    await environment(b.app, slug, run.id).expect(200);
    expect(calls.slice(before)).toEqual([expect.objectContaining({ DurationSeconds: 900 })]);
    offsetMs = 31 * 60_000;
    expect((await environment(b.app, slug, run.id).expect(410)).body.code).toBe('run_expired');
  });

  it('answers as a new run would when AWS refuses the role now', async () => {
    const { slug, run, roleName } = await startedRun();
    await t.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: trustPolicy('demo@*@other-stack@*'),
      }),
    );
    const refused = await environment(b.app, slug, run.id).expect(422);
    expect(refused.body).toMatchObject({
      code: 'assume_role_failed',
      error: { code: 'AccessDenied' },
    });
    expect(refused.body.hints.length).toBeGreaterThan(0);
  });

  it('answers 410 for a run recorded before session names were (nothing to issue again)', async () => {
    const { slug, run } = await startedRun();
    await t.db.updateTable('runs').set({ session_name: null }).where('id', '=', run.id).execute();
    const gone = await environment(b.app, slug, run.id).expect(410);
    expect(gone.body.code).toBe('run_credentials_unavailable');
  });

  it('never stores or logs what STS issued', async () => {
    // The worker's own answers carry them by design; logs and database must not.
    await expectNoLeak(t, issued, []);
  });
});

describe('reissueDurationSeconds', () => {
  const run = (expiresAt: string, duration = 3600) =>
    ({ expires_at: expiresAt, duration_seconds: duration }) as Parameters<
      typeof reissueDurationSeconds
    >[0];
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('is what is left of the run, in whole seconds, within STS’s 900 s minimum', () => {
    expect(reissueDurationSeconds(run('2026-01-01T00:40:00.900Z'), now)).toBe(2400);
    expect(reissueDurationSeconds(run('2026-01-01T00:05:00Z'), now)).toBe(900);
    expect(reissueDurationSeconds(run('2026-01-01T02:00:00Z'), now)).toBe(3600);
  });
});
