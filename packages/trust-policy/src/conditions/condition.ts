import { contextValue, type EvalContext } from '../context.js';
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
): { matched: boolean; actual: string | undefined } {
  const actual = contextValue(ctx, cc.keyLower);
  return { matched: conditionHolds(cc, actual, ctx), actual };
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
function conditionHolds(
  cc: CompiledCondition,
  actual: string | undefined,
  ctx: EvalContext,
): boolean {
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
  if (op.kind === 'unsupported') return false;
  // Every key Rolebridge sends is single-valued, so ForAnyValue/ForAllValues
  // over the one value reduce to the plain test.
  let any = false;
  for (const matcher of cc.matchers) {
    if (matcher(actual, ctx)) {
      any = true;
      break;
    }
  }
  return op.negated ? !any : any;
}
