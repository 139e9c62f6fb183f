import { compileGlob, matchGlob, type Glob, type GlobChar } from '../glob.js';
import { contextValue, type EvalContext } from '../context.js';
import type { ParsedOperator } from './operators.js';

/** One policy value, compiled once per policy. */
export type ValueMatcher = (actual: string, ctx: EvalContext) => boolean;

type Part =
  | { kind: 'pattern'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; key: string; fallback?: string };

// ${*}, ${?} and ${$} stand for the literal characters; see
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /\$\{([^}]*)\}/g;

function parseParts(value: string): Part[] | undefined {
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

/** Resolves variables; undefined when one has no value and no default (the value then matches nothing). */
function resolve(parts: Part[], ctx: EvalContext): GlobChar[] | undefined {
  const out: GlobChar[] = [];
  for (const part of parts) {
    if (part.kind === 'pattern') {
      for (const char of part.text) out.push({ char, special: true });
      continue;
    }
    const text =
      part.kind === 'literal' ? part.text : (contextValue(ctx, part.key) ?? part.fallback);
    if (text === undefined) return undefined;
    // Substituted text is literal: a * in a variable's value is not a wildcard.
    for (const char of text) out.push({ char, special: false });
  }
  return out;
}

export function compileValue(op: ParsedOperator, raw: string, variables: boolean): ValueMatcher {
  const parts = variables ? parseParts(raw) : undefined;
  if (op.kind === 'bool') {
    const expected = raw.toLowerCase();
    return (actual) => actual.toLowerCase() === expected;
  }
  if (op.kind === 'equals') {
    const fold = op.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
    if (!parts) {
      const expected = fold(raw);
      return (actual) => fold(actual) === expected;
    }
    return (actual, ctx) => {
      const chars = resolve(parts, ctx);
      return chars !== undefined && fold(actual) === fold(chars.map((c) => c.char).join(''));
    };
  }
  if (op.kind === 'like') {
    if (!parts) {
      const glob: Glob = compileGlob(raw);
      return (actual) => matchGlob(glob, actual);
    }
    return (actual, ctx) => {
      const chars = resolve(parts, ctx);
      return chars !== undefined && matchGlob(compileGlob(chars), actual);
    };
  }
  return () => false;
}
