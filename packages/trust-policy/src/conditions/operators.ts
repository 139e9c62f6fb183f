export type MatchKind = 'equals' | 'like' | 'bool' | 'null' | 'unsupported';

export interface ParsedOperator {
  name: string;
  base: string;
  kind: MatchKind;
  negated: boolean;
  ignoreCase: boolean;
  ifExists: boolean;
  set: 'any' | 'all' | null;
}

interface BaseSpec {
  kind: MatchKind;
  negated?: boolean;
  ignoreCase?: boolean;
}

// The full IAM list, so a policy AWS accepts is never called invalid; the
// numeric, date, IP and binary families are recognised but not evaluated
// (no STS AssumeRole key Rolebridge sends is of those types).
const BASES = new Map<string, BaseSpec>([
  ['StringEquals', { kind: 'equals' }],
  ['StringNotEquals', { kind: 'equals', negated: true }],
  ['StringEqualsIgnoreCase', { kind: 'equals', ignoreCase: true }],
  ['StringNotEqualsIgnoreCase', { kind: 'equals', negated: true, ignoreCase: true }],
  ['StringLike', { kind: 'like' }],
  ['StringNotLike', { kind: 'like', negated: true }],
  // ArnEquals and ArnLike behave the same in IAM: both accept * and ?.
  ['ArnEquals', { kind: 'like' }],
  ['ArnLike', { kind: 'like' }],
  ['ArnNotEquals', { kind: 'like', negated: true }],
  ['ArnNotLike', { kind: 'like', negated: true }],
  ['Bool', { kind: 'bool' }],
  ['Null', { kind: 'null' }],
  ...[
    'NumericEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
    'DateEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
    'BinaryEquals',
    'IpAddress',
  ].map((name): [string, BaseSpec] => [name, { kind: 'unsupported' }]),
  ...['NumericNotEquals', 'DateNotEquals', 'NotIpAddress'].map((name): [string, BaseSpec] => [
    name,
    { kind: 'unsupported', negated: true },
  ]),
]);

const cache = new Map<string, ParsedOperator | null>();

/** `ForAnyValue:StringLikeIfExists` → its parts; null when IAM would reject the name. */
export function parseOperator(name: string): ParsedOperator | null {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let rest = name;
  let set: ParsedOperator['set'] = null;
  if (rest.startsWith('ForAnyValue:')) {
    set = 'any';
    rest = rest.slice('ForAnyValue:'.length);
  } else if (rest.startsWith('ForAllValues:')) {
    set = 'all';
    rest = rest.slice('ForAllValues:'.length);
  }
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const spec = BASES.get(rest);
  // Null tests existence itself, so IAM has no NullIfExists and no set form of it.
  const parsed =
    spec === undefined || (spec.kind === 'null' && (ifExists || set !== null))
      ? null
      : {
          name,
          base: rest,
          kind: spec.kind,
          negated: spec.negated ?? false,
          ignoreCase: spec.ignoreCase ?? false,
          ifExists,
          set,
        };
  if (cache.size < 1000) cache.set(name, parsed);
  return parsed;
}

/** A close, valid spelling for an operator IAM would reject, if there is one. */
export function suggestOperator(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const base of BASES.keys()) {
    for (const candidate of [base, `${base}IfExists`]) {
      const l = candidate.toLowerCase();
      if (l === lower || l === `${lower}s` || `${l}s` === lower) return candidate;
    }
  }
  return undefined;
}
