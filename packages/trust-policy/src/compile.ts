import { compileCondition, type CompiledCondition } from './conditions/condition.js';
import { compileGlob, matchGlob, type Glob } from './glob.js';
import { compilePrincipal, type CompiledPrincipal } from './principal.js';
import type { PolicyStatement, TrustPolicy } from './types.js';

export interface CompiledStatement {
  source: PolicyStatement;
  principal?: CompiledPrincipal;
  notPrincipal?: CompiledPrincipal;
  actions: Glob[];
  conditions: CompiledCondition[];
}

const cache = new WeakMap<TrustPolicy, CompiledStatement[]>();

/** Patterns are compiled once per parsed policy and reused by every evaluation. */
export function compilePolicy(policy: TrustPolicy): CompiledStatement[] {
  const hit = cache.get(policy);
  if (hit) return hit;
  const variables = policy.version === '2012-10-17';
  const compiled = policy.statements.map((s) => ({
    source: s,
    ...(s.principal ? { principal: compilePrincipal(s.principal) } : {}),
    ...(s.notPrincipal ? { notPrincipal: compilePrincipal(s.notPrincipal) } : {}),
    // Action names are case-insensitive in IAM.
    actions: s.actions.map((a) => compileGlob(a.toLowerCase())),
    conditions: s.conditions.map((c) => compileCondition(c, variables)),
  }));
  cache.set(policy, compiled);
  return compiled;
}

export function actionMatches(statement: CompiledStatement, actionLower: string): boolean {
  let any = false;
  for (const glob of statement.actions) {
    if (matchGlob(glob, actionLower)) {
      any = true;
      break;
    }
  }
  return statement.source.notAction ? !any : any;
}
