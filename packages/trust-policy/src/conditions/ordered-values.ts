import type { Comparison } from './operators.js';
import type { ValueMatcher } from './values.js';

// Numeric and Date operators compare the request value with the policy value:
// DateLessThan holds when the request's date is before the policy's.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

// W3C profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime), as the IAM docs cite it.
const ISO =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

/** Epoch milliseconds. All digits is epoch seconds (aws:EpochTime's unit); otherwise ISO 8601. */
export function parseDate(text: string): number | undefined {
  if (/^\d{1,15}$/.test(text)) return Number(text) * 1000;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d = '01', h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const ms = Number(`0.${frac || '0'}`) * 1000;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(t)) return undefined;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return t;
}

function compare(cmp: Comparison, actual: number, policy: number): boolean {
  switch (cmp) {
    case 'eq':
      return actual === policy;
    case 'lt':
      return actual < policy;
    case 'lte':
      return actual <= policy;
    case 'gt':
      return actual > policy;
    case 'gte':
      return actual >= policy;
  }
}

export function compileOrdered(
  kind: 'numeric' | 'date',
  cmp: Comparison,
  raw: string,
): ValueMatcher {
  const parse = kind === 'numeric' ? parseNumber : parseDate;
  const policy = parse(raw);
  if (policy === undefined) return () => null;
  return (actual) => {
    const value = parse(actual);
    return value === undefined ? null : compare(cmp, value, policy);
  };
}
