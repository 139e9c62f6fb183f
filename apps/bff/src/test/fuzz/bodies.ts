import fc from 'fast-check';

type Known = Record<string, string[]>;
const pick = (known: Known, key: string, fallback: string) =>
  fc.constantFrom(...(known[key]?.length ? known[key] : [fallback]));
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const bool = fc.boolean();

/**
 * A valid body per JSON route, so requests get past the schema into the services (and their
 * transactions); `mutated` then breaks one field at a time, which is where a write can be
 * left half done.
 */
function templates(known: Known): Record<string, fc.Arbitrary<Record<string, unknown>>> {
  const spaceId = pick(known, 'spaceId', 'root');
  return {
    'POST /api/session': fc.record({ email: pick(known, 'email', 'a@b.c'), password: fc.string() }),
    'POST /api/invites/accept': fc.record({
      token: fc.string({ minLength: 20, maxLength: 60 }),
      password: fc.string({ minLength: 12 }),
    }),
    'POST /api/tokens': fc.record({
      name: slug,
      role: fc.constantFrom('admin', 'write', 'read', 'worker'),
      spaceId,
    }),
    'POST /api/invites': fc.record({
      email: slug.map((s) => `${s}@example.com`),
      role: fc.constantFrom('admin', 'write', 'read'),
      spaceId,
    }),
    'PATCH /api/account': fc.record({ name: slug }),
    'POST /api/spaces': fc.record({ name: slug, parentId: spaceId, inheritEntities: bool }),
    'PATCH /api/spaces/:id': fc.record(
      { name: slug, description: fc.string(), inheritEntities: bool },
      { requiredKeys: [] },
    ),
    'POST /api/integrations/aws': fc.record({
      name: slug,
      spaceId,
      roleArn: pick(known, 'roleArn', 'arn:aws:iam::222222222222:role/x'),
      labels: fc.array(slug, { maxLength: 3 }),
    }),
    'PATCH /api/integrations/aws/:id': fc.record(
      { name: slug, labels: fc.array(slug, { maxLength: 3 }), durationSeconds: fc.integer() },
      { requiredKeys: [] },
    ),
    'POST /api/integrations/aws/:id/verify': fc.record(
      { stack: pick(known, 'slug', 'x'), phases: fc.constantFrom(['read'], ['write']) },
      { requiredKeys: [] },
    ),
    'POST /api/stacks': fc.record({
      slug,
      name: slug,
      spaceId,
      labels: fc.array(slug, { maxLength: 3 }),
    }),
    'PATCH /api/stacks/:slug': fc.record(
      { name: slug, spaceId, labels: fc.array(slug, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    'POST /api/stacks/:slug/aws-integrations': fc.record({
      integrationId: pick(known, 'integrationId', '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
      read: bool,
      write: bool,
    }),
    'PATCH /api/stacks/:slug/aws-integrations/:integrationId': fc.record(
      { read: bool, write: bool },
      { requiredKeys: [] },
    ),
    'POST /api/stacks/:slug/runs': fc.record({ phase: fc.constantFrom('plan', 'apply') }),
    'POST /api/trust-policy/generate': fc.record({
      variant: fc.constantFrom('any-stack', 'specific-stacks', 'plan-only', 'exact'),
    }),
    'POST /api/trust-policy/analyze': fc.record({
      policy: fc.oneof(fc.json(), fc.string()),
      externalIds: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
    }),
    'POST /api/sandbox/roles': fc.record({ roleName: slug, trustPolicy: fc.json() }),
    'POST /api/webhooks': fc.record(
      {
        // Loopback ports nobody serves: a test delivery fails at once, never leaves the machine.
        url: fc.constantFrom(
          'http://127.0.0.1:9/hook',
          'https://127.0.0.1:9/',
          'ftp://127.0.0.1/',
          'http://[::1]:9/x?y=1',
        ),
        events: fc.subarray(['integration.failing', 'integration.recovered']),
        secret: fc.string({ minLength: 10, maxLength: 40 }),
      },
      { requiredKeys: ['url', 'events'] },
    ),
  };
}

/** The route's valid body, as is or with one field replaced, dropped, or one added. */
export function templateBody(
  route: string,
  known: Known,
  anyValue: fc.Arbitrary<unknown>,
): fc.Arbitrary<string> | null {
  const template = templates(known)[route];
  if (!template) return null;
  return fc
    .tuple(template, fc.nat(), fc.constantFrom('keep', 'replace', 'drop', 'add'), anyValue)
    .map(([body, index, how, value]) => {
      const keys = Object.keys(body);
      const key = keys.length ? keys[index % keys.length]! : 'x';
      const out: Record<string, unknown> = { ...body };
      if (how === 'replace') out[key] = value;
      if (how === 'drop') delete out[key];
      if (how === 'add') out.unexpected = value;
      return JSON.stringify(out);
    });
}
