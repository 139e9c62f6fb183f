export type MatchKind =
  'equals' | 'like' | 'arn' | 'numeric' | 'date' | 'ip' | 'binary' | 'bool' | 'null';
export type Comparison = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

export interface ParsedOperator {
  name: string;
  base: string;
  kind: MatchKind;
  /** For the Numeric and Date families. */
  cmp: Comparison;
  negated: boolean;
  ignoreCase: boolean;
  ifExists: boolean;
  set: 'any' | 'all' | null;
}

interface BaseSpec {
  kind: MatchKind;
  cmp?: Comparison;
  negated?: boolean;
  ignoreCase?: boolean;
}

const ordered = (family: 'Numeric' | 'Date', kind: MatchKind): [string, BaseSpec][] => [
  [`${family}Equals`, { kind, cmp: 'eq' }],
  [`${family}NotEquals`, { kind, cmp: 'eq', negated: true }],
  [`${family}LessThan`, { kind, cmp: 'lt' }],
  [`${family}LessThanEquals`, { kind, cmp: 'lte' }],
  [`${family}GreaterThan`, { kind, cmp: 'gt' }],
  [`${family}GreaterThanEquals`, { kind, cmp: 'gte' }],
];

// The full IAM list:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
const BASES = new Map<string, BaseSpec>([
  ['StringEquals', { kind: 'equals' }],
  ['StringNotEquals', { kind: 'equals', negated: true }],
  ['StringEqualsIgnoreCase', { kind: 'equals', ignoreCase: true }],
  ['StringNotEqualsIgnoreCase', { kind: 'equals', negated: true, ignoreCase: true }],
  ['StringLike', { kind: 'like' }],
  ['StringNotLike', { kind: 'like', negated: true }],
  // "ArnEquals and ArnLike behave identically": both take * and ? within each ARN part.
  ['ArnEquals', { kind: 'arn' }],
  ['ArnLike', { kind: 'arn' }],
  ['ArnNotEquals', { kind: 'arn', negated: true }],
  ['ArnNotLike', { kind: 'arn', negated: true }],
  ['Bool', { kind: 'bool' }],
  ['Null', { kind: 'null' }],
  ['BinaryEquals', { kind: 'binary' }],
  ['IpAddress', { kind: 'ip' }],
  ['NotIpAddress', { kind: 'ip', negated: true }],
  ...ordered('Numeric', 'numeric'),
  ...ordered('Date', 'date'),
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
          cmp: spec.cmp ?? 'eq',
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
