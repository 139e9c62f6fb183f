import type { Verification } from '@rolebridge/contracts';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { captureIssuedSecrets } from './roles.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * One app for a verification test file, with an admin agent, every secret STS issues, and
 * every response body the helpers received, so the file can end with `expectNoLeak`.
 * Call at the top level of the file: it registers the hooks that start and stop the app.
 */
export function verificationSuite() {
  let t!: TestApp;
  let agent!: TestAgent;
  const issuedSecrets: string[] = [];
  const responses: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ instrument: captureIssuedSecrets(issuedSecrets) });
    agent = await t.loginAgent();
  });
  afterAll(() => t.close());
  beforeEach(() => t.sandbox.faults.reset());

  let n = 0;
  return {
    get t() {
      return t;
    },
    get agent() {
      return agent;
    },
    issuedSecrets,
    responses,
    createIntegration: async (roleArn: string, extra: object = {}) => {
      const res = await agent
        .post('/api/integrations/aws')
        .send({ name: `verify-${++n}`, spaceId: 'root', roleArn, ...extra })
        .expect(201);
      responses.push(res.text);
      return res.body as { integration: { id: string }; verification: Verification | null };
    },
    verify: async (id: string, body: object = {}, status = 200) => {
      const res = await agent.post(`/api/integrations/aws/${id}/verify`).send(body).expect(status);
      responses.push(res.text);
      return res.body as Verification;
    },
  };
}
