import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { templateBody } from './bodies.js';

/** What the fuzzer knows exists, so some requests get past validation and lookups. */
export interface FuzzTargets {
  routes: string[];
  /** Real values per path parameter name (`:id`, `:slug`, …) and per body field name. */
  known: Record<string, string[]>;
}

export type Caller = 'anonymous' | 'admin-session' | 'admin-token';

export interface FuzzRequest {
  caller: Caller;
  method: string;
  /** Already percent-encoded, possibly with deliberately broken escapes. */
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Inserted verbatim into paths and query strings: each has crashed a decoder somewhere. */
const BAD_ESCAPES = [
  '%FF',
  '%',
  '%E0%A4%A',
  '%2',
  '%ZZ',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  '..',
  '%2e%2e%2f',
];

const printable = fc.string({ maxLength: 40 });
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

const segment = (known: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(known.length ? known : ['x'])) },
    { weight: 2, arbitrary: anyText.map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_ESCAPES) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'root', '-', 'a'.repeat(300), '01ARZ3NDEKTSV4RRFFQ69G5FAV'),
    },
  );

const QUERY_KEYS = [
  'limit',
  'cursor',
  'label',
  'space',
  'q',
  'stack',
  'read',
  'write',
  'status',
  '__proto__',
];
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), printable.map(encodeURIComponent)),
      fc.oneof(
        anyText.map(encodeURIComponent),
        fc.constantFrom(...BAD_ESCAPES, 'true', 'false', '0', '-1', '1e9', '100', 'prod'),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

/** Field names of every request schema in packages/contracts, plus some that none has. */
const FIELDS = [
  'name',
  'spaceId',
  'parentId',
  'description',
  'inheritEntities',
  'roleArn',
  'assumeRoleOnWorker',
  'externalId',
  'durationSeconds',
  'region',
  'labels',
  'autoattachEnabled',
  'verifyTarget',
  'slug',
  'integrationId',
  'read',
  'write',
  'phase',
  'phases',
  'stack',
  'target',
  'roleChangedRecently',
  'role',
  'email',
  'password',
  'token',
  'expiresAt',
  'policy',
  'externalIds',
  'principalArn',
  'variant',
  'stackSlugs',
  'format',
  'roleName',
  'trustPolicy',
  'maxSessionDuration',
  'context',
  '__proto__',
  'constructor',
  'id',
  'url',
  'events',
  'secret',
];

const jsonish = (known: Record<string, string[]>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...Object.values(known).flat(),
        'root',
        'read',
        'write',
        'plan',
        'apply',
        'admin',
        'worker',
        'any',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(true, false, 0, -1, 3600, 1e308, '', null, [], {}) },
  );

const jsonBody = (known: Record<string, string[]>) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .dictionary(fc.constantFrom(...FIELDS), jsonish(known), { maxKeys: 6 })
        .map((o) => JSON.stringify(o)),
    },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: anyText },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"a":',
        '[',
        '{}',
        'null',
        '"x"',
        '1',
        '{"__proto__":{"admin":true}}',
        '['.repeat(3000),
        '{"name":"\\ud800"}',
        '\uFEFF{}',
        '{"labels":["a","a"]}',
      ),
    },
  );

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=',
  'application/json;;',
  'application/problem+json',
  'application/merge-patch+json',
  'application/vnd.x+json; charset="utf-8"',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '*/*',
  'application/json, text/html',
  'application',
];
const ENCODINGS = [
  'gzip',
  'br',
  'deflate',
  'identity',
  'x-gzip',
  'compress',
  'gzip, br',
  'GZIP',
  'zstd',
  'chunked',
];

/** Present in one request out of `n`. */
const oneIn = <T>(n: number, arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const headers = fc
  .record({
    'content-type': oneIn(10, fc.oneof(fc.constantFrom(...CONTENT_TYPES), printable)).map(
      (odd) => odd ?? 'application/json',
    ),
    'content-encoding': oneIn(4, fc.constantFrom(...ENCODINGS)),
    'if-match': oneIn(
      4,
      fc.oneof(fc.constantFrom('*', '"x"', 'W/"1"', '"', '""', 'W/', '"a", "b"'), printable),
    ),
    'if-none-match': oneIn(6, fc.oneof(fc.constantFrom('*', '"x"', 'W/"1"'), printable)),
    accept: oneIn(
      6,
      fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', ''),
    ),
    authorization: oneIn(
      4,
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer rb_x.y',
        'Basic Zm9vOmJhcg==',
        'bearer rb_',
        'Bearer rb_01ARZ3NDEKTSV4RRFFQ69G5FAV.x',
      ),
    ),
    cookie: oneIn(
      4,
      fc.constantFrom('rb_session=', 'rb_session=x', 'rb_session=%FF', 'a=b; rb_session'),
    ),
    'x-forwarded-for': oneIn(
      6,
      fc.oneof(fc.constantFrom('1.2.3.4', '::1', 'garbage', ''), printable),
    ),
  })
  .map(
    (h) =>
      Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
  );

/** One HTTP request: a registered route (mostly) with fuzzed params, query, headers and body. */
export function fuzzRequest(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const route = fc.constantFrom(...targets.routes).chain((r) => {
    const [method = 'GET', template = '/'] = r.split(' ');
    const parts = template
      .split('/')
      .map((part) =>
        part.startsWith(':') ? segment(targets.known[part.slice(1)] ?? []) : fc.constant(part),
      );
    const valid = templateBody(r, targets.known, jsonish(targets.known));
    const body = valid
      ? fc.oneof(
          { weight: 6, arbitrary: valid },
          { weight: 2, arbitrary: jsonBody(targets.known) },
          { weight: 1, arbitrary: fc.constant(null) },
        )
      : fc.option(jsonBody(targets.known), { nil: null, freq: 4 });
    return fc.tuple(
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(method) },
        { weight: 1, arbitrary: fc.constantFrom('PUT', 'OPTIONS', 'HEAD', 'DELETE', 'POST') },
      ),
      fc.tuple(...parts).map((p) => p.join('/')),
      body,
    );
  });
  return fc
    .record({
      caller: fc.constantFrom<Caller>('anonymous', 'admin-session', 'admin-token'),
      route,
      query,
      headers,
      compressed: fc.boolean(),
    })
    .map(({ caller, route: [method, path, body], query: q, headers: h, compressed }) => {
      const raw = body === null ? null : Buffer.from(body);
      const encoding = h['content-encoding'];
      return {
        caller,
        method,
        path: `${path}${q}`,
        headers: h,
        // Mostly a body that only claims its encoding; sometimes one that really has it.
        body: raw && compressed && encoding ? encode(raw, encoding) : raw,
      };
    });
}

function encode(body: Buffer, encoding: string): Buffer {
  if (encoding === 'gzip') return gzipSync(body);
  if (encoding === 'deflate') return deflateSync(body);
  if (encoding === 'br') return brotliCompressSync(body);
  return body;
}
