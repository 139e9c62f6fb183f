import type { Verification } from '@rolebridge/contracts';
import type TestAgent from 'supertest/lib/agent.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole } from '../test/roles.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAgent();
});
afterAll(() => t.close());

describe('renaming the account', () => {
  it('changes every external ID, and a role trusting the old name then fails with the rename advice', async () => {
    const { roleArn } = await createRole(t.iam, ANY_STACK_POLICY);
    const created = await admin
      .post('/api/integrations/aws')
      .send({ name: 'before-rename', spaceId: 'root', roleArn })
      .expect(201);
    const id = created.body.integration.id as string;
    expect((created.body.verification as Verification).ok).toBe(true);
    await admin
      .post('/api/stacks')
      .send({ slug: 'stack-a', name: 'A', spaceId: 'root' })
      .expect(201);
    const idsBefore = await admin.get(`/api/integrations/aws/${id}/external-id?stack=stack-a`);
    expect(idsBefore.body.externalIds.map((e: { externalId: string }) => e.externalId)).toEqual([
      `demo@${id}@stack-a@read`,
      `demo@${id}@stack-a@write`,
    ]);

    const renamed = await admin.patch('/api/account').send({ name: 'acme' }).expect(200);
    expect(renamed.body.name).toBe('acme');

    // Every external ID Rolebridge shows or sends now starts with the new name.
    const idsAfter = await admin.get(`/api/integrations/aws/${id}/external-id?stack=stack-a`);
    expect(idsAfter.body.externalIds.map((e: { externalId: string }) => e.externalId)).toEqual([
      `acme@${id}@stack-a@read`,
      `acme@${id}@stack-a@write`,
    ]);
    const generated = await admin
      .post('/api/trust-policy/generate')
      .send({ variant: 'any-stack' })
      .expect(200);
    expect(generated.body.patterns).toEqual(['acme@*']);

    // The role still trusts demo@*: verifying, with its policy pasted, fails and says why.
    const verified = await admin
      .post(`/api/integrations/aws/${id}/verify`)
      .send({ stack: 'stack-a', target: { trustPolicy: ANY_STACK_POLICY } })
      .expect(200);
    const result = verified.body as Verification;
    expect(result.ok).toBe(false);
    for (const r of result.results) {
      expect(r.externalId).toMatch(new RegExp(`^acme@${id}@stack-a@(read|write)$`));
      expect(r.error?.code).toBe('AccessDenied');
    }
    // The advice names the old account name and hands over the policy with the new one.
    const rename = result.results[0]?.hints.find((h) =>
      h.detail.includes('is for the Rolebridge account "demo", but this account is "acme"'),
    );
    expect(rename?.fix).toBeDefined();
    expect(JSON.parse(rename!.fix!).Statement[0].Condition.StringLike['sts:ExternalId']).toBe(
      'acme@*',
    );

    // Back to the old name, the same role passes again: nothing else changed.
    await admin.patch('/api/account').send({ name: 'demo' }).expect(200);
    const again = await admin
      .post(`/api/integrations/aws/${id}/verify`)
      .send({ stack: 'stack-a' })
      .expect(200);
    expect((again.body as Verification).ok).toBe(true);
  });
});
