import { contextValue, type ContextValue, type EvalContext } from '../context.js';
import type { PolicyCondition } from '../types.js';
import { parseOperator, type ParsedOperator } from './operators.js';
import { compileValue, type ValueMatcher } from './values.js';

export interface CompiledCondition {
  source: PolicyCondition;
  op: ParsedOperator | null;
  keyLower: string;
  matchers: ValueMatcher[];
}

/** `variables`: policy variables are substituted only under Version 2012-10-17. */
export function compileCondition(source: PolicyCondition, variables: boolean): CompiledCondition {
  const op = parseOperator(source.operator);
  return {
    source,
    op,
    keyLower: source.key.toLowerCase(),
    matchers: op ? source.values.map((v) => compileValue(op, v, variables)) : [],
  };
}

export function evaluateCondition(
  cc: CompiledCondition,
  ctx: EvalContext,
): { matched: boolean; actual: ContextValue } {
  const actual = contextValue(ctx, cc.keyLower);
  return { matched: conditionHolds(cc, actual, ctx), actual };
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
function conditionHolds(cc: CompiledCondition, actual: ContextValue, ctx: EvalContext): boolean {
  const { op } = cc;
  if (op === null) return false;
  if (op.kind === 'null') {
    return cc.source.values.some((v) => {
      const wantsAbsent = v.toLowerCase();
      return wantsAbsent === 'true'
        ? actual === undefined
        : wantsAbsent === 'false' && actual !== undefined;
    });
  }
  if (actual === undefined) {
    if (op.ifExists) return true;
    // A missing key is an empty set: every one of its values passes, none exists.
    if (op.set === 'all') return true;
    if (op.set === 'any') return false;
    // "If the key is not present … a negated operator such as StringNotLike is true."
    return op.negated;
  }
  if (typeof actual === 'string') return valueHolds(cc, actual, ctx);
  // A multivalued key needs a set operator; without one the condition does not match.
  if (op.set === null) return false;
  return op.set === 'all'
    ? actual.every((v) => valueHolds(cc, v, ctx))
    : actual.some((v) => valueHolds(cc, v, ctx));
}

/** One request value against the policy values: OR for positive operators, NOR for negated ones. */
function valueHolds(cc: CompiledCondition, actual: string, ctx: EvalContext): boolean {
  const negated = cc.op?.negated ?? false;
  for (const matcher of cc.matchers) {
    const r = matcher(actual, ctx);
    if (negated ? r !== false : r === true) return !negated;
  }
  return negated;
}
