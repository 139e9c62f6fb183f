import { parseOperator } from '../conditions/operators.js';
import { compileGlob, hasWildcard, matchGlob } from '../glob.js';
import type { PolicyCondition, PolicyStatement, PrincipalBlock } from '../types.js';

export const EXTERNAL_ID = 'sts:externalid';

export const isExternalIdCondition = (c: PolicyCondition): boolean =>
  c.key.toLowerCase() === EXTERNAL_ID;

/** A condition that only passes when the key is present and matches: a real restriction. */
export function isPositiveTest(c: PolicyCondition): boolean {
  const op = parseOperator(c.operator);
  return (
    op !== null &&
    (op.kind === 'equals' || op.kind === 'like') &&
    !op.negated &&
    !op.ifExists &&
    op.set !== 'all'
  );
}

/** A wildcard written in an equality operator, ignoring the `${*}` and `${?}` escapes. */
export function wildcardInEquals(c: PolicyCondition): boolean {
  const op = parseOperator(c.operator);
  return op?.kind === 'equals' && c.values.some((v) => hasWildcard(v.replace(/\$\{[^}]*\}/g, '')));
}

/** The account each AWS principal names (undefined for "*" and unique IDs). */
export function principalAccounts(
  block: PrincipalBlock | undefined,
): { value: string; account: string }[] {
  const out: { value: string; account: string }[] = [];
  for (const value of block?.aws ?? []) {
    const account = /^\d{12}$/.test(value)
      ? value
      : /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(value)?.[1];
    if (account !== undefined) out.push({ value, account });
  }
  return out;
}

export function coversAssumeRole(s: PolicyStatement, action = 'sts:assumerole'): boolean {
  const any = s.actions.some((a) => matchGlob(compileGlob(a.toLowerCase()), action));
  return s.notAction ? !any : any;
}

/**
 * Reads `<account>@<integration>@<stack>@<phase>` out of a pattern. With four
 * segments each is positional; with fewer, a `*` may span several, so only the
 * first (account) and a last `read`/`write` (phase) are known.
 */
export function patternParts(value: string): {
  account?: string;
  integration?: string;
  stack?: string;
  phase?: string;
} {
  const segments = value.split('@');
  if (segments.length === 4) {
    const [account, integration, stack, phase] = segments;
    return { account, integration, stack, phase };
  }
  const last = segments[segments.length - 1];
  const phase = segments.length > 1 && (last === 'read' || last === 'write') ? last : undefined;
  return { account: segments[0], ...(phase ? { phase } : {}) };
}

export const quoteList = (values: string[], max = 4): string => {
  const shown = values.slice(0, max).map((v) => `"${v}"`);
  const more = values.length > max ? ` and ${values.length - max} more` : '';
  return shown.join(', ') + more;
};
