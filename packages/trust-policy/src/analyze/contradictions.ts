import { compileCondition } from '../conditions/condition.js';
import { evaluateCondition } from '../conditions/condition.js';
import { parseOperator } from '../conditions/operators.js';
import { makeEvalContext } from '../context.js';
import { hasWildcard } from '../glob.js';
import type { PolicyStatement } from '../types.js';
import { isExternalIdCondition, isPositiveTest } from './facts.js';
import type { Finding } from './types.js';

/**
 * Catches the statements whose sts:ExternalId tests exclude one another, e.g.
 * a Null test demanding no external ID beside a StringLike demanding one, or
 * two exact values that no single ID can equal.
 */
export function contradictionFinding(
  s: PolicyStatement,
  principalArn: string,
): Finding | undefined {
  const tests = s.conditions.filter(isExternalIdCondition);
  if (tests.length < 2) return undefined;
  const positive = tests.filter(isPositiveTest);
  const demandsAbsent = tests.some(
    (c) =>
      parseOperator(c.operator)?.kind === 'null' &&
      c.values.some((v) => v.toLowerCase() === 'true'),
  );
  const where = `Statement ${s.index + 1}${s.sid ? ` ("${s.sid}")` : ''}`;
  if (demandsAbsent && positive.length > 0) {
    return {
      severity: 'warning',
      code: 'statement-never-matches',
      path: s.path,
      message: `${where} requires the external ID to be missing (Null) and to match a value at the same time, so it can never match.`,
    };
  }
  const exact = positive
    .filter((c) => parseOperator(c.operator)?.kind === 'equals')
    .flatMap((c) => c.values.filter((v) => !hasWildcard(v) && !v.includes('${')));
  if (exact.length === 0) return undefined;
  const compiled = tests.map((c) => compileCondition(c, false));
  const anyPasses = exact.some((externalId) => {
    const ctx = makeEvalContext({ principalArn, externalId });
    return compiled.every((cc) => evaluateCondition(cc, ctx).matched);
  });
  if (anyPasses) return undefined;
  return {
    severity: 'warning',
    code: 'statement-never-matches',
    path: s.path,
    message: `${where} has sts:ExternalId conditions that no single external ID can satisfy together (every condition must hold), so it can never match. Put the values in one list instead.`,
  };
}
