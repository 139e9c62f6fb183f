import { evaluateTrustPolicy } from '../evaluate.js';
import { parseExternalId } from '../external-id.js';
import { generateTrustPolicy } from '../generate/generate.js';
import { hasWildcard } from '../glob.js';
import { parseLenient } from '../parse/parse.js';
import type { JsonValue, PolicyDocument, TrustPolicy } from '../types.js';
import { EXTERNAL_ID, patternParts } from './facts.js';
import type { AnalysisSetup } from './types.js';

type Obj = { [key: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: JsonValue | undefined): JsonValue[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * The user's policy with the common mistakes repaired, kept as close to the
 * original as possible; undefined when no repair makes every ID pass.
 */
export function suggestPolicy(policy: TrustPolicy, setup: AnalysisSetup): string | undefined {
  const doc = structuredClone(policy.document);
  doc.Version = '2012-10-17';
  const statements = asList(doc.Statement).filter(isObj);
  doc.Statement = statements;
  for (const s of statements) repairStatement(s, setup);

  const denied = deniedIds(doc, setup);
  if (denied === undefined) return undefined;
  if (denied.length) widen(doc, statements, denied, setup);

  const json = JSON.stringify(doc, null, 2);
  if (deniedIds(doc, setup)?.length === 0) return json;
  return undefined;
}

function repairStatement(s: Obj, setup: AnalysisSetup): void {
  delete s.Resource;
  delete s.NotResource;
  if (s.Effect !== 'Allow') return;
  if (
    s.NotPrincipal !== undefined ||
    s.Principal === '*' ||
    !trustsPlatform(s.Principal, setup.platformAccountId)
  ) {
    delete s.NotPrincipal;
    s.Principal = { AWS: setup.platformAccountId };
  }
  if (!isObj(s.Condition)) return;
  for (const [operator, block] of Object.entries(s.Condition)) {
    if (!isObj(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (key.toLowerCase() !== EXTERNAL_ID) continue;
      block[key] = mapValues(value, (v) => fixAccount(v, setup.accountName));
      const like = operator
        .replace(/StringEquals(?:IgnoreCase)?/, 'StringLike')
        .replace(/StringNotEquals(?:IgnoreCase)?/, 'StringNotLike');
      const values = asList(block[key]).map(String);
      if (like === operator || !values.some((v) => hasWildcard(v.replace(/\$\{[^}]*\}/g, ''))))
        continue;
      const target = isObj(s.Condition[like]) ? s.Condition[like] : {};
      if (Object.keys(target).some((k) => k.toLowerCase() === EXTERNAL_ID)) continue;
      target[key] = block[key] ?? null;
      s.Condition[like] = target;
      delete block[key];
      if (Object.keys(block).length === 0) delete s.Condition[operator];
    }
  }
}

function trustsPlatform(principal: JsonValue | undefined, platform: string): boolean {
  if (!isObj(principal)) return false;
  return asList(principal.AWS).some(
    (v) => typeof v === 'string' && (v === '*' || v === platform || v.includes(`::${platform}:`)),
  );
}

function fixAccount(value: string, accountName: string | undefined): string {
  const { account } = patternParts(value);
  if (
    accountName === undefined ||
    account === undefined ||
    !value.includes('@') ||
    hasWildcard(account)
  )
    return value;
  return account === accountName ? value : `${accountName}${value.slice(account.length)}`;
}

function mapValues(value: JsonValue, fn: (v: string) => string): JsonValue {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? fn(v) : v));
  return typeof value === 'string' ? fn(value) : value;
}

function deniedIds(doc: PolicyDocument, setup: AnalysisSetup): string[] | undefined {
  const parsed = parseLenient(JSON.stringify(doc), { maxLength: setup.maxLength });
  if (!parsed.policy || parsed.errors.length) return undefined;
  const policy = parsed.policy;
  return setup.externalIds.filter(
    (externalId) =>
      evaluateTrustPolicy(policy, { ...setup.request, externalId }).decision === 'implicit-deny',
  );
}

/** Lets the still-refused IDs in through the statement that trusts Rolebridge, in that statement's own style. */
function widen(
  doc: PolicyDocument,
  statements: Obj[],
  denied: string[],
  setup: AnalysisSetup,
): void {
  const target = statements.find(
    (s) =>
      s.Effect === 'Allow' &&
      trustsPlatform(s.Principal, setup.platformAccountId) &&
      isObj(s.Condition) &&
      externalIdBlock(s.Condition) !== undefined,
  );
  const found = target && isObj(target.Condition) ? externalIdBlock(target.Condition) : undefined;
  if (!found) {
    const ids = denied.map(parseExternalId);
    const slugs = [
      ...new Set(ids.map((id) => id?.stackSlug).filter((s): s is string => s !== undefined)),
    ];
    const accountName = setup.accountName ?? ids[0]?.accountName ?? 'account';
    const generated = generateTrustPolicy({
      variant: slugs.length ? 'specific-stacks' : 'any-stack',
      accountName,
      platformAccountId: setup.platformAccountId,
      stackSlugs: slugs,
    });
    statements.push(...asList(generated.policy.Statement).filter(isObj));
    return;
  }
  const { block, key, like } = found;
  const current = asList(block[key]).map(String);
  const stackStyle = like && current.some((v) => /^[^@]+@\*@[^@*]+@\*$/.test(v));
  const additions = denied.map((id) => {
    const parts = parseExternalId(id);
    return stackStyle && parts ? `${parts.accountName}@*@${parts.stackSlug}@*` : id;
  });
  block[key] = [...new Set([...current, ...additions])];
  // Long lists of exact IDs can overflow IAM's size quota; one pattern per stack is shorter.
  if (JSON.stringify(doc).length > setup.maxLength) {
    block[key] = [
      ...new Set(
        setup.externalIds
          .map((id) => parseExternalId(id))
          .map((p) => (p ? `${p.accountName}@*@${p.stackSlug}@*` : '')),
      ),
    ].filter(Boolean);
    if (!like) renameToLike(found);
  }
}

function externalIdBlock(condition: Obj) {
  for (const [operator, block] of Object.entries(condition)) {
    if (!isObj(block) || !/^String(?:Equals|Like)$/.test(operator)) continue;
    const key = Object.keys(block).find((k) => k.toLowerCase() === EXTERNAL_ID);
    if (key !== undefined)
      return { condition, operator, block, key, like: operator === 'StringLike' };
  }
  return undefined;
}

function renameToLike(found: NonNullable<ReturnType<typeof externalIdBlock>>): void {
  const { condition, operator, block, key } = found;
  const like = isObj(condition.StringLike) ? condition.StringLike : {};
  like[key] = block[key] ?? null;
  condition.StringLike = like;
  delete block[key];
  if (Object.keys(block).length === 0) delete condition[operator];
}
