import type { GlobChar } from '../glob.js';
import { contextValue, type EvalContext } from '../context.js';

export type Part =
  | { kind: 'pattern'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; key: string; fallback?: string };

// ${*}, ${?} and ${$} stand for the literal characters; see
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /\$\{([^}]*)\}/g;

/** undefined when the value holds no variable (the common case: compile it as plain text). */
export function parseParts(value: string): Part[] | undefined {
  if (!value.includes('${')) return undefined;
  const parts: Part[] = [];
  let last = 0;
  for (const m of value.matchAll(VARIABLE)) {
    if (m.index > last) parts.push({ kind: 'pattern', text: value.slice(last, m.index) });
    const inner = (m[1] ?? '').trim();
    const escaped = ESCAPES[inner];
    const withDefault = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
    if (escaped !== undefined) parts.push({ kind: 'literal', text: escaped });
    else if (withDefault) {
      parts.push({
        kind: 'variable',
        key: (withDefault[1] ?? '').toLowerCase(),
        fallback: withDefault[2] ?? '',
      });
    } else parts.push({ kind: 'variable', key: inner.toLowerCase() });
    last = m.index + m[0].length;
  }
  if (last < value.length) parts.push({ kind: 'pattern', text: value.slice(last) });
  return parts;
}

/**
 * Resolves variables; undefined when one has no value and no default (the value then
 * matches nothing). Multivalued keys cannot be policy variables, so they count as absent.
 */
export function resolve(parts: Part[], ctx: EvalContext): GlobChar[] | undefined {
  const out: GlobChar[] = [];
  for (const part of parts) {
    if (part.kind === 'pattern') {
      for (const char of part.text) out.push({ char, special: true });
      continue;
    }
    let text: string | undefined;
    if (part.kind === 'variable') {
      const value = contextValue(ctx, part.key);
      text = typeof value === 'string' ? value : part.fallback;
    } else text = part.text;
    if (text === undefined) return undefined;
    // Substituted text is literal: a * in a variable's value is not a wildcard.
    for (const char of text) out.push({ char, special: false });
  }
  return out;
}

export const plain = (chars: GlobChar[]): string => chars.map((c) => c.char).join('');
