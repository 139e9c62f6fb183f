import { parseJson, type JsonNode } from '../json/json-parse.js';
import { makeLocator } from '../json/json-position.js';
import type { ParseResult, PolicyError, PolicyStatement, TrustPolicy } from '../types.js';
import { createReporter, describeKind, toValue, uniqueEntries } from './report.js';
import { parseStatement } from './statement.js';

export const DEFAULT_MAX_LENGTH = 2048;
// IAM's role trust policy quota: 2,048 characters by default, raisable to 4,096.
export const MAX_LENGTH_LIMIT = 4096;
export const VERSIONS = ['2012-10-17', '2008-10-17'];

export interface ParseOptions {
  maxLength?: number;
}

/** Statement-level problems still leave a policy to explain; syntax and size problems do not. */
export interface LenientParse {
  policy?: TrustPolicy;
  errors: PolicyError[];
}

export function parseTrustPolicy(text: string, opts: ParseOptions = {}): ParseResult {
  const { policy, errors } = parseLenient(text, opts);
  return policy && errors.length === 0 ? { ok: true, policy } : { ok: false, errors };
}

export function parseLenient(text: string, opts: ParseOptions = {}): LenientParse {
  if (typeof text !== 'string') {
    return { errors: [{ code: 'not-text', message: 'The policy must be given as JSON text.' }] };
  }
  const locate = makeLocator(text);
  const limit = Math.min(
    Math.max(1, Math.floor(opts.maxLength ?? DEFAULT_MAX_LENGTH)),
    MAX_LENGTH_LIMIT,
  );
  const sizeProblem = checkSizeAndCharacters(text, limit);
  if (sizeProblem) return { errors: [{ ...sizeProblem.error, ...locate(sizeProblem.offset) }] };
  if (text.trim() === '')
    return {
      errors: [
        {
          code: 'empty',
          message: 'The policy is empty; paste the JSON of the trust policy.',
          line: 1,
          column: 1,
        },
      ],
    };

  const json = parseJson(text);
  if (!json.ok) {
    return {
      errors: [
        {
          code: 'json-syntax',
          message: `Invalid JSON: ${json.message}.`,
          path: '$',
          ...locate(json.offset),
        },
      ],
    };
  }
  const r = createReporter(locate);
  const root = json.node;
  if (root.kind !== 'object') {
    r.error(
      'not-an-object',
      `A policy is a JSON object ({ ... }), not ${describeKind(root)}.`,
      '$',
      root.start,
    );
    return { errors: r.errors };
  }
  let version: string | undefined;
  let statementNode: JsonNode | undefined;
  for (const entry of uniqueEntries(root, '$', r)) {
    if (entry.key === 'Version') {
      if (entry.value.kind === 'string' && VERSIONS.includes(entry.value.value))
        version = entry.value.value;
      else
        r.error(
          'invalid-version',
          'Version must be "2012-10-17" (or the legacy "2008-10-17"); it is a fixed date, not today\'s date.',
          '$.Version',
          entry.value.start,
        );
    } else if (entry.key === 'Statement') statementNode = entry.value;
    else if (entry.key !== 'Id') {
      r.error(
        'unknown-field',
        `"${entry.key}" is not a policy field; a policy has "Version" and "Statement".`,
        `$["${entry.key}"]`,
        entry.keyStart,
      );
    }
  }
  if (!statementNode) {
    r.error('missing-statement', 'The policy has no "Statement".', '$', root.start);
    return { errors: r.errors };
  }
  const nodes = statementNode.kind === 'array' ? statementNode.items : [statementNode];
  if (nodes.length === 0)
    r.error(
      'missing-statement',
      'The "Statement" list is empty.',
      '$.Statement',
      statementNode.start,
    );
  const statements: PolicyStatement[] = [];
  const sids = new Set<string>();
  nodes.forEach((node, i) => {
    const path = statementNode.kind === 'array' ? `$.Statement[${i}]` : '$.Statement';
    const statement = parseStatement(node, i, path, r);
    if (!statement) return;
    if (statement.sid !== undefined) {
      if (sids.has(statement.sid))
        r.error(
          'duplicate-sid',
          `Two statements have the Sid "${statement.sid}"; IAM requires each Sid to be unique.`,
          `${path}.Sid`,
          node.start,
        );
      sids.add(statement.sid);
    }
    statements.push(statement);
  });
  const document = toValue(root) as TrustPolicy['document'];
  return { policy: { ...(version ? { version } : {}), statements, document }, errors: r.errors };
}

// IAM doesn't count whitespace toward the quota and accepts only tab, LF, CR
// and U+0020..U+00FF. Stops at the first problem, so a huge paste costs at most
// one pass over the allowed length.
function checkSizeAndCharacters(text: string, limit: number) {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (++count > limit) {
      return {
        offset: i,
        error: {
          code: 'too-large',
          message: `The policy is longer than ${limit} characters (not counting spaces), which is the most IAM accepts for a trust policy. Remove statements or shorten it.`,
        },
      };
    }
    if (c < 0x20 || c > 0xff) {
      return {
        offset: i,
        error: {
          code: 'invalid-character',
          message: `The character "${text[i]}" (U+${c.toString(16).toUpperCase().padStart(4, '0')}) is not allowed in an IAM policy; retype it (smart quotes often sneak in when copying).`,
        },
      };
    }
  }
  return undefined;
}
