import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX_CASES, type MatrixCall, type MatrixFixture } from './authorization-cases.js';
import { ANY_STACK_POLICY, createRole } from './roles.js';
import { registeredRoutes } from './routes.js';
import { createSpace, expiredToken, token } from './stacks.js';
import { ADMIN, createTestApp, type TestApp } from './test-app.js';

const PRINCIPALS = [
  'anon',
  'expired',
  'revoked',
  'root',
  's-admin',
  's-write',
  's-read',
  't-admin',
  't-write',
  't-read',
  'o-read',
  'w-own',
  'w-other',
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

interface Row {
  name: string;
  route: string;
  expected: Record<PrincipalName, number>;
}

/** The Markdown table next to this file: one row per case, one column per principal. */
function readMatrix(): Row[] {
  const text = readFileSync(new URL('./authorization-matrix.md', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('|'));
  const header = cells(lines[0] ?? '');
  expect(header.slice(1)).toEqual([...PRINCIPALS]);
  return lines.slice(2).map((line) => {
    const [name = '', ...statuses] = cells(line);
    const unquoted = name.replaceAll('`', '');
    expect(statuses, unquoted).toHaveLength(PRINCIPALS.length);
    return {
      name: unquoted,
      route: unquoted.split(' ').slice(0, 2).join(' '),
      expected: Object.fromEntries(
        PRINCIPALS.map((p, i) => [p, Number(statuses[i])]),
      ) as Row['expected'],
    };
  });
}
const cells = (line: string) =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

const PASSWORD = 'a long enough password';
const rows = readMatrix();
let t: TestApp;
let fixture: MatrixFixture;
const as = {} as Record<PrincipalName, { headers: Record<string, string>; email?: string }>;

async function sessionCookie(app: Express, email: string, password: string) {
  const res = await request(app).post('/api/session').send({ email, password }).expect(200);
  const cookie = (res.headers['set-cookie'] as unknown as string[])[0] ?? '';
  return { Cookie: cookie.split(';')[0] ?? '' };
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.loginAgent();
  const team = await createSpace(root, 'team', true);
  const other = await createSpace(root, 'other', false);
  const member = async (role: string, spaceId: string) => {
    const email = `${role}-${spaceId}@example.com`.toLowerCase();
    const invite = await root.post('/api/invites').send({ email, role, spaceId }).expect(201);
    const secret = (invite.body as { link: string }).link.split('#')[1];
    await request(t.app)
      .post('/api/invites/accept')
      .send({ token: secret, password: PASSWORD })
      .expect(200);
    return { headers: await sessionCookie(t.app, email, PASSWORD), email };
  };
  const bearer = (raw: string) => ({ headers: { Authorization: `Bearer ${raw}` } });

  const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
  const integration = async (name: string, spaceId: string) =>
    String(
      (await root.post('/api/integrations/aws').send({ name, spaceId, roleArn }).expect(201)).body
        .integration.id,
    );
  const teamIntegration = await integration('team-int', team);
  const rootIntegration = await integration('root-int', 'root');
  await root
    .post('/api/stacks')
    .send({ slug: 'team-app', name: 'Team app', spaceId: team })
    .expect(201);
  await root
    .post('/api/stacks/team-app/aws-integrations')
    .send({ integrationId: teamIntegration, read: true, write: true })
    .expect(201);
  // Keeps `team` from turning inheritEntities off: a stack of it uses a root integration.
  await root
    .post('/api/stacks')
    .send({ slug: 'team-inherits', name: 'Inherits', spaceId: team })
    .expect(201);
  await root
    .post('/api/stacks/team-inherits/aws-integrations')
    .send({ integrationId: rootIntegration, read: true, write: false })
    .expect(201);
  const run = await root.post('/api/stacks/team-app/runs').send({ phase: 'plan' }).expect(201);
  fixture = { team, other, roleArn, teamIntegration, rootIntegration, runId: run.body.id, root };

  const revoked = (
    await root
      .post('/api/tokens')
      .send({ name: 'revoked', role: 'admin', spaceId: 'root' })
      .expect(201)
  ).body as { id: string; token: string };
  await root.delete(`/api/tokens/${revoked.id}`).expect(204);
  // Principals are independent: create them together (each accepted invite hashes a password).
  const [expired, sAdmin, sWrite, sRead, tAdmin, tWrite, tRead, oRead, wOwn, wOther, rootSession] =
    await Promise.all([
      expiredToken(t, root, 'admin'),
      member('admin', team),
      member('write', team),
      member('read', team),
      token(root, 'admin', team),
      token(root, 'write', team),
      token(root, 'read', team),
      member('read', other),
      token(root, 'worker', team),
      token(root, 'worker', other),
      sessionCookie(t.app, ADMIN.email, ADMIN.password),
    ]);
  Object.assign(as, {
    anon: { headers: {} },
    expired: bearer(expired),
    revoked: bearer(revoked.token),
    root: { headers: rootSession, email: ADMIN.email },
    's-admin': sAdmin,
    's-write': sWrite,
    's-read': sRead,
    't-admin': bearer(tAdmin),
    't-write': bearer(tWrite),
    't-read': bearer(tRead),
    'o-read': oRead,
    'w-own': bearer(wOwn),
    'w-other': bearer(wOther),
  });
}, 60_000);
afterAll(() => t.close());

async function send(who: PrincipalName, spec: MatrixCall) {
  let headers = as[who].headers;
  const email = as[who].email;
  if (spec.freshSession && email) {
    headers = await sessionCookie(t.app, email, email === ADMIN.email ? ADMIN.password : PASSWORD);
  }
  const address = `10.0.0.${PRINCIPALS.indexOf(who) + 1}`;
  const app = request(t.app);
  const req = app[spec.method](spec.path).set({
    ...headers,
    'X-Forwarded-For': address,
    ...spec.headers,
  });
  return spec.body === undefined ? req : req.send(spec.body as object);
}

describe('authorization matrix (authorization-matrix.md)', () => {
  it('has a row for every registered route, and a call for every row', () => {
    const covered = new Set(rows.map((r) => r.route));
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect(rows.filter((r) => !routes.includes(r.route)).map((r) => r.name)).toEqual([]);
    expect(rows.map((r) => r.name).filter((name) => !MATRIX_CASES[name])).toEqual([]);
  });

  it('answers each route and principal with the status in the table', async () => {
    const wrong: string[] = [];
    for (const row of rows) {
      const build = MATRIX_CASES[row.name];
      if (!build) continue;
      // A row's cells run together: each cell gets its own targets, and each principal calls
      // from its own address so one's attempts never count against another's rate limit.
      await Promise.all(
        PRINCIPALS.map(async (who) => {
          const res = await send(who, await build(fixture));
          if (res.status !== row.expected[who]) {
            const code = (res.body as { code?: string } | undefined)?.code ?? '';
            wrong.push(
              `${row.name} as ${who}: expected ${row.expected[who]}, got ${res.status} ${code}`,
            );
          }
        }),
      );
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
