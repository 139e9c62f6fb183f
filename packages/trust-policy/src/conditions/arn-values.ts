import { compileGlob, matchGlob, type Glob } from '../glob.js';
import { parseParts, resolve, type Part } from './variables.js';
import type { ValueMatcher } from './values.js';

// "Each of the six colon-delimited components of the ARN is checked separately and each
// can include multi-character match wildcards (*) or single-character match wildcards (?)."
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
// The sixth part (the resource) keeps any further colons. A policy value with fewer parts
// matches nothing, so the negated forms ("Negated matching for ARN") hold for it; a request
// value that is no ARN is of the wrong type and fails either form.

/** Splits at the first five colons outside `${…}`; undefined when there are fewer than six parts. */
export function arnParts(value: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length && parts.length < 5; i++) {
    const c = value[i];
    if (c === '$' && value[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length < 5) return undefined;
  parts.push(value.slice(start));
  return parts;
}

function splitActual(value: string): string[] | undefined {
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

export function compileArn(raw: string, variables: boolean): ValueMatcher {
  const pattern = arnParts(raw);
  if (pattern === undefined) return () => false;
  const withVariables = variables ? pattern.map(parseParts) : [];
  if (!withVariables.some((p) => p !== undefined)) {
    const globs: Glob[] = pattern.map((p) => compileGlob(p));
    return (actual) => {
      const parts = splitActual(actual);
      if (parts === undefined) return null;
      return globs.every((g, i) => matchGlob(g, parts[i] ?? ''));
    };
  }
  return (actual, ctx) => {
    const parts = splitActual(actual);
    if (parts === undefined) return null;
    for (let i = 0; i < 6; i++) {
      const vars: Part[] | undefined = withVariables[i];
      const chars = vars ? resolve(vars, ctx) : undefined;
      if (vars && chars === undefined) return null;
      const glob = compileGlob(chars ?? pattern[i] ?? '');
      if (!matchGlob(glob, parts[i] ?? '')) return false;
    }
    return true;
  };
}
