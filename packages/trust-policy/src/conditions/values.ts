import type { EvalContext } from '../context.js';
import { compileArn } from './arn-values.js';
import { compileIp } from './ip-values.js';
import type { ParsedOperator } from './operators.js';
import { compileOrdered } from './ordered-values.js';
import { compileString } from './string-values.js';

/**
 * One policy value, compiled once per policy. true/false: the request value matches it or
 * not; null: one side is not of the operator's type (a request value that is no ARN, a
 * date that is not one), which fails the condition whether or not the operator is negated.
 */
export type ValueMatcher = (actual: string, ctx: EvalContext) => boolean | null;

export function compileValue(op: ParsedOperator, raw: string, variables: boolean): ValueMatcher {
  switch (op.kind) {
    case 'arn':
      return compileArn(raw, variables);
    case 'numeric':
    case 'date':
      return compileOrdered(op.kind, op.cmp, raw);
    case 'ip':
      return compileIp(raw);
    case 'null':
      return () => null;
    default:
      return compileString(op, raw, variables);
  }
}
