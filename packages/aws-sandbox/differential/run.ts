import { CUSTOMER } from './callers.js';
import { analyzerOutcome, evaluatorOutcome, requestContext } from './ours.js';
import { peerOutcome } from './peer.js';
import { sandboxOutcome, type SandboxCallers } from './sandbox-calls.js';
import type { CaseResult, DiffCase } from './types.js';

/** Runs every case through the peer, our evaluator, the analyzer and the sandbox. */
export async function runCases(
  callers: SandboxCallers,
  cases: readonly DiffCase[],
  prefix: string,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    const roleName = `${prefix}-${i}`;
    const roleArn = `arn:aws:iam::${CUSTOMER}:role/${roleName}`;
    const caller = callers.facts[c.caller];
    const now = Date.now();
    const ctx = requestContext(caller, c.request, roleArn, now);
    const { outcome: peer, dropped } = await peerOutcome(c.policy, roleArn, caller, c.request, now);
    const analyzer = analyzerOutcome(c.policy, ctx);
    results.push({
      case: c,
      expected: c.override?.expected ?? peer,
      peer,
      peerDropped: dropped,
      evaluator: evaluatorOutcome(c.policy, ctx),
      sandbox: await sandboxOutcome(callers, roleName, c.policy, c.caller, c.request),
      ...(analyzer ? { analyzer } : {}),
    });
  }
  return results;
}

const agrees = (r: CaseResult) => r.evaluator === r.expected && r.sandbox === r.expected;

export interface Agreement {
  overall: [number, number];
  claimed: [number, number];
  analyzer: [number, number];
  peerOverridden: number;
  disagreements: CaseResult[];
  /** Disagreements where the peer dropped keys from a TagSession/SetSourceIdentity context. */
  perActionKeys: number;
}

export function agreement(results: readonly CaseResult[]): Agreement {
  const count = (rs: readonly CaseResult[], ok: (r: CaseResult) => boolean): [number, number] => [
    rs.filter(ok).length,
    rs.length,
  ];
  const withAnalyzer = results.filter((r) => r.analyzer !== undefined);
  const disagreements = results.filter(
    (r) => !agrees(r) || (r.analyzer ?? r.expected) !== r.expected,
  );
  return {
    overall: count(results, agrees),
    claimed: count(
      results.filter((r) => !r.case.unclaimed),
      agrees,
    ),
    analyzer: count(withAnalyzer, (r) => r.analyzer === r.expected),
    peerOverridden: results.filter((r) => r.case.override && r.case.override.expected !== r.peer)
      .length,
    disagreements,
    perActionKeys: disagreements.filter((r) => r.peerDropped.length > 0).length,
  };
}

export function describeAgreement(a: Agreement): string {
  const f = ([n, total]: [number, number]) => `${n}/${total}`;
  const lines = [
    `agreement with AWS (peer simulator, overridden by AWS's documentation in ${a.peerOverridden} cases):`,
    `  overall ${f(a.overall)}, within the README's claims ${f(a.claimed)}, analyzer ${f(a.analyzer)}`,
  ];
  if (a.perActionKeys)
    lines.push(
      `  ${a.perActionKeys} of the ${a.disagreements.length} disagreements: the peer leaves keys the Service Authorization Reference does not list for sts:TagSession/sts:SetSourceIdentity out of that action's context; we keep one request context (open question, decision 009)`,
    );
  for (const r of a.disagreements) {
    lines.push(
      `  ✗ ${r.case.name}: expected ${r.expected} (peer ${r.peer}); evaluator ${r.evaluator}, sandbox ${r.sandbox}` +
        (r.analyzer ? `, analyzer ${r.analyzer}` : '') +
        (r.peerDropped.length ? `; peer dropped ${r.peerDropped.join(', ')}` : ''),
      `    ${r.case.caller} ${JSON.stringify(r.case.request)} ${r.case.policy}`,
    );
  }
  return lines.join('\n');
}
