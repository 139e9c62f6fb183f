import type { Hint } from '@rolebridge/contracts';
import { describe, expect, it } from 'vitest';
import { ANY_STACK_POLICY, createRole, expectNoLeak, trustPolicy } from '../test/roles.js';
import { verificationSuite } from '../test/verification-suite.js';

const suite = verificationSuite();
const { createIntegration, verify } = suite;
const hint = (hints: Hint[] | undefined, id: string) => hints?.find((h) => h.id === id);

describe('other outcomes', () => {
  it('warns when the role can be assumed without an external ID', async () => {
    const { roleArn } = await createRole(suite.t.iam, trustPolicy());
    const { verification } = await createIntegration(roleArn);
    expect(verification).toMatchObject({ ok: true, confusedDeputy: { checked: true, open: true } });
    const warning = hint(verification?.hints, 'confused-deputy-open');
    expect(warning?.severity).toBe('warning');
    expect(warning?.fix).toContain('"sts:ExternalId": "demo@*"');
  });

  it('explains a duration above the role maximum', async () => {
    const { roleArn } = await createRole(suite.t.iam, ANY_STACK_POLICY);
    const { integration } = await createIntegration(roleArn);
    // The API caps Duration at 3600 (IAM's lowest maximum), so only an older row can exceed it.
    await suite.t.db
      .updateTable('aws_integrations')
      .set({ duration_seconds: 7200 })
      .where('id', '=', integration.id)
      .execute();
    const res = await verify(integration.id);
    expect(res.results[0]?.error?.code).toBe('ValidationError');
    expect(hint(res.results[0]?.hints, 'duration-over-max')?.detail).toMatch(
      /7200 s.*MaxSessionDuration/,
    );
    expect(res.confusedDeputy).toEqual({ checked: true, open: false });
  });

  it('catches an ARN near miss before calling AWS', async () => {
    const { integration } = await createIntegration('arn:aws:iam::222222222222:role/typo');
    const stsCalls = () =>
      suite.t.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'sts.assume_role')
        .execute();
    const before = await stsCalls();
    await suite.t.db
      .updateTable('aws_integrations')
      .set({ role_arn: 'arn:aws:iam::222222222222:role/typo ' })
      .where('id', '=', integration.id)
      .execute();
    const res = await verify(integration.id);
    expect(res.results[0]?.error?.code).toBe('InvalidRoleArn');
    expect(hint(res.results[0]?.hints, 'arn-whitespace')?.fix).toBe(
      'arn:aws:iam::222222222222:role/typo',
    );
    expect((await stsCalls()).length).toBe(before.length);
  });

  it('lets only admins of the space verify', async () => {
    const { integration } = await createIntegration('arn:aws:iam::222222222222:role/x');
    const token = await suite.agent
      .post('/api/tokens')
      .send({ name: 'reader', role: 'read', spaceId: 'root' })
      .expect(201);
    const res = await suite.agent
      .post(`/api/integrations/aws/${integration.id}/verify`)
      .set('Authorization', `Bearer ${token.body.token}`)
      .send({});
    expect(res.status).toBe(403);
  });
});

describe('temporary credentials', () => {
  it('never leak, including from the probe that succeeded', async () => {
    await expectNoLeak(suite.t, suite.issuedSecrets, suite.responses);
  });
});
