import type TestAgent from 'supertest/lib/agent.js';
import { ANY_STACK_POLICY } from './roles.js';

/** What the matrix runs as the root admin before a cell, so no cell depends on another's effect. */
export interface MatrixFixture {
  /** `team`, the space of the space-scoped principals (inherits from root). */
  team: string;
  other: string;
  roleArn: string;
  /** In `team`, attached read+write to `team-app`. */
  teamIntegration: string;
  rootIntegration: string;
  /** `team-app`'s run started by the root admin. */
  runId: string;
  root: TestAgent;
}

export interface MatrixCall {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Session principals log in again first: the call ends the session it runs with. */
  freshSession?: boolean;
}

let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}`;

async function created(res: Promise<{ status: number; body: unknown }>, status = 201) {
  const { status: got, body } = await res;
  if (got !== status) throw new Error(`matrix setup: ${got} ${JSON.stringify(body)}`);
  return body as Record<string, unknown> & { id: string };
}

const freshStack = async (f: MatrixFixture) => {
  const slug = unique('m-stack');
  await created(f.root.post('/api/stacks').send({ slug, name: slug, spaceId: f.team }));
  return slug;
};
const freshIntegration = async (f: MatrixFixture) => {
  const body = { name: unique('m-int'), spaceId: f.team, roleArn: f.roleArn };
  const { integration } = await created(f.root.post('/api/integrations/aws').send(body));
  return (integration as { id: string }).id;
};
const attached = async (f: MatrixFixture) => {
  const slug = await freshStack(f);
  const body = { integrationId: f.teamIntegration, read: true, write: true };
  await created(f.root.post(`/api/stacks/${slug}/aws-integrations`).send(body));
  return slug;
};

/** A receiver nobody listens on: a test delivery fails at once, without leaving the machine. */
const CLOSED_RECEIVER = 'http://127.0.0.1:9/hook';
const freshWebhook = async (f: MatrixFixture) => {
  const body = { url: CLOSED_RECEIVER, events: ['integration.failing'] };
  const { webhook } = await created(f.root.post('/api/webhooks').send(body));
  return (webhook as { id: string }).id;
};

const call = (
  method: MatrixCall['method'],
  path: string,
  body?: unknown,
  extra?: Partial<MatrixCall>,
): MatrixCall => ({ method, path, ...(body !== undefined && { body }), ...extra });

/**
 * How each row of authorization-matrix.md is called. The key is the row's first cell: the
 * route as registered, then what this row tries. Targets live in `team` unless the row says.
 */
export const MATRIX_CASES: Record<string, (f: MatrixFixture) => MatrixCall | Promise<MatrixCall>> =
  {
    'GET /healthz': () => call('get', '/healthz'),
    'GET /readyz': () => call('get', '/readyz'),
    'POST /api/session (no credentials)': () => call('post', '/api/session', {}),
    'GET /api/session': () => call('get', '/api/session'),
    'DELETE /api/session': () => call('delete', '/api/session', undefined, { freshSession: true }),
    'POST /api/invites/preview (unknown invite)': () =>
      call('post', '/api/invites/preview', { token: 'x'.repeat(43) }),
    'POST /api/invites/accept (unknown invite)': () =>
      call('post', '/api/invites/accept', {
        token: 'x'.repeat(43),
        password: 'a long enough password',
      }),

    'POST /api/tokens (read token in team)': (f) =>
      call('post', '/api/tokens', { name: unique('m-token'), role: 'read', spaceId: f.team }),
    'POST /api/tokens (admin token in root)': () =>
      call('post', '/api/tokens', { name: unique('m-token'), role: 'admin', spaceId: 'root' }),
    'GET /api/tokens': () => call('get', '/api/tokens'),
    'DELETE /api/tokens/:id (read token in team)': async (f) => {
      const body = { name: unique('m-token'), role: 'read', spaceId: f.team };
      const { id } = await created(f.root.post('/api/tokens').send(body));
      return call('delete', `/api/tokens/${id}`);
    },

    'POST /api/invites (reader of team)': (f) =>
      call('post', '/api/invites', {
        email: `${unique('m')}@example.com`,
        role: 'read',
        spaceId: f.team,
      }),
    'POST /api/invites (admin of root)': () =>
      call('post', '/api/invites', {
        email: `${unique('m')}@example.com`,
        role: 'admin',
        spaceId: 'root',
      }),
    'GET /api/invites': () => call('get', '/api/invites'),
    'DELETE /api/invites/:id (invite to team)': async (f) => {
      const body = { email: `${unique('m')}@example.com`, role: 'read', spaceId: f.team };
      const { invite } = await created(f.root.post('/api/invites').send(body));
      return call('delete', `/api/invites/${(invite as { id: string }).id}`);
    },
    'GET /api/users': () => call('get', '/api/users'),

    'GET /api/account': () => call('get', '/api/account'),
    'PATCH /api/account (rename)': () => call('patch', '/api/account', { name: 'demo' }),

    'GET /api/spaces': () => call('get', '/api/spaces'),
    'POST /api/spaces (under team)': (f) =>
      call('post', '/api/spaces', { name: unique('m-space'), parentId: f.team }),
    'POST /api/spaces (under root)': () =>
      call('post', '/api/spaces', { name: unique('m-space'), parentId: 'root' }),
    'PATCH /api/spaces/:id (team description)': (f) =>
      call('patch', `/api/spaces/${f.team}`, { description: unique('d') }),
    'PATCH /api/spaces/:id (team inheritEntities on, as it is)': (f) =>
      call('patch', `/api/spaces/${f.team}`, { inheritEntities: true }),
    'PATCH /api/spaces/:id (space under team: inheritEntities on)': async (f) => {
      const body = { name: unique('m-space'), parentId: f.team, inheritEntities: false };
      const { id } = await created(f.root.post('/api/spaces').send(body));
      return call('patch', `/api/spaces/${id}`, { inheritEntities: true });
    },
    'PATCH /api/spaces/:id (team inheritEntities off, a stack uses a root integration)': (f) =>
      call('patch', `/api/spaces/${f.team}`, { inheritEntities: false }),
    'DELETE /api/spaces/:id (empty space under team)': async (f) => {
      const body = { name: unique('m-space'), parentId: f.team };
      const { id } = await created(f.root.post('/api/spaces').send(body));
      return call('delete', `/api/spaces/${id}`);
    },
    'DELETE /api/spaces/:id (root)': () => call('delete', '/api/spaces/root'),

    'GET /api/integrations/aws': () => call('get', '/api/integrations/aws'),
    'POST /api/integrations/aws (in team)': (f) =>
      call('post', '/api/integrations/aws', {
        name: unique('m-int'),
        spaceId: f.team,
        roleArn: f.roleArn,
      }),
    'GET /api/integrations/aws/:id': (f) =>
      call('get', `/api/integrations/aws/${f.teamIntegration}`),
    // Fresh targets: a row's cells run together, and concurrent updates of one row race.
    'PATCH /api/integrations/aws/:id': async (f) => {
      const id = await freshIntegration(f);
      const current = await f.root.get(`/api/integrations/aws/${id}`);
      return call(
        'patch',
        `/api/integrations/aws/${id}`,
        { labels: [unique('l')] },
        { headers: { 'If-Match': String(current.headers.etag) } },
      );
    },
    'DELETE /api/integrations/aws/:id (unattached)': async (f) =>
      call('delete', `/api/integrations/aws/${await freshIntegration(f)}`),
    'POST /api/integrations/aws/:id/verify': (f) =>
      call('post', `/api/integrations/aws/${f.teamIntegration}/verify`),
    'GET /api/integrations/aws/:id/external-id': (f) =>
      call('get', `/api/integrations/aws/${f.teamIntegration}/external-id?stack=team-app`),
    'GET /api/integrations/aws/:id/attachments': (f) =>
      call('get', `/api/integrations/aws/${f.teamIntegration}/attachments`),
    'GET /api/integrations/aws/:id/checks': (f) =>
      call('get', `/api/integrations/aws/${f.teamIntegration}/checks`),
    'POST /api/trust-policy/generate': () =>
      call('post', '/api/trust-policy/generate', { variant: 'any-stack' }),
    'POST /api/trust-policy/analyze': () =>
      call('post', '/api/trust-policy/analyze', {
        policy: ANY_STACK_POLICY,
        externalIds: ['demo@x@y@read'],
      }),
    'POST /api/sandbox/roles': () =>
      call('post', '/api/sandbox/roles', {
        roleName: unique('m-role'),
        trustPolicy: ANY_STACK_POLICY,
      }),

    'GET /api/stacks': () => call('get', '/api/stacks'),
    'POST /api/stacks (in team)': (f) => {
      const slug = unique('m-new');
      return call('post', '/api/stacks', { slug, name: slug, spaceId: f.team });
    },
    'GET /api/stacks/:slug': () => call('get', '/api/stacks/team-app'),
    'PATCH /api/stacks/:slug': async (f) =>
      call('patch', `/api/stacks/${await freshStack(f)}`, { name: 'Renamed' }),
    'DELETE /api/stacks/:slug (no attachments)': async (f) =>
      call('delete', `/api/stacks/${await freshStack(f)}`),
    'GET /api/stacks/:slug/environment': () => call('get', '/api/stacks/team-app/environment'),
    'GET /api/stacks/:slug/aws-integrations': () =>
      call('get', '/api/stacks/team-app/aws-integrations'),
    'GET /api/stacks/:slug/aws-integrations/available': () =>
      call('get', '/api/stacks/team-app/aws-integrations/available'),
    'POST /api/stacks/:slug/aws-integrations (team integration)': async (f) =>
      call('post', `/api/stacks/${await freshStack(f)}/aws-integrations`, {
        integrationId: f.teamIntegration,
        read: true,
        write: true,
      }),
    'POST /api/stacks/:slug/aws-integrations (root integration, inherited)': async (f) =>
      call('post', `/api/stacks/${await freshStack(f)}/aws-integrations`, {
        integrationId: f.rootIntegration,
        read: true,
        write: true,
      }),
    'PATCH /api/stacks/:slug/aws-integrations/:integrationId': (f) =>
      call('patch', `/api/stacks/team-app/aws-integrations/${f.teamIntegration}`, {
        read: true,
      }),
    'DELETE /api/stacks/:slug/aws-integrations/:integrationId': async (f) =>
      call('delete', `/api/stacks/${await attached(f)}/aws-integrations/${f.teamIntegration}`),
    'POST /api/stacks/:slug/runs': () =>
      call('post', '/api/stacks/team-app/runs', { phase: 'plan' }),
    'GET /api/stacks/:slug/runs': () => call('get', '/api/stacks/team-app/runs'),
    'GET /api/stacks/:slug/runs/:id': (f) => call('get', `/api/stacks/team-app/runs/${f.runId}`),
    'GET /api/stacks/:slug/runs/:id/environment': (f) =>
      call('get', `/api/stacks/team-app/runs/${f.runId}/environment`),
    'GET /api/launchpad': () => call('get', '/api/launchpad'),
    'GET /api/audit': () => call('get', '/api/audit'),
    'GET /metrics': () => call('get', '/metrics'),
    'POST /api/webhooks': () =>
      call('post', '/api/webhooks', { url: CLOSED_RECEIVER, events: ['integration.recovered'] }),
    'GET /api/webhooks': () => call('get', '/api/webhooks'),
    'DELETE /api/webhooks/:id': async (f) =>
      call('delete', `/api/webhooks/${await freshWebhook(f)}`),
    'POST /api/webhooks/:id/test': async (f) =>
      call('post', `/api/webhooks/${await freshWebhook(f)}/test`),
  };
