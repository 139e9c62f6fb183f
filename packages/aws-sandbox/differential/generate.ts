import fc from 'fast-check';
import { generated, type Generated } from './arbitraries.js';
import type { CallerKind, CaseRequest, DiffCase, Override } from './types.js';

// Generated cases: trust policies × AssumeRole requests from a fixed seed, so a run is
// repeatable and a failure can be replayed by its name.

const SID_DOC =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html';

function toCase({ version, statements, request: r }: Generated, index: number): DiffCase {
  const body = statements.map(({ sid, conditions, ...s }, i) => {
    const block: Record<string, Record<string, string[]>> = {};
    for (const c of conditions) (block[c.op] ??= {})[c.key] = c.values;
    return {
      ...(sid ? { Sid: `${sid}${i}` } : {}),
      ...s,
      ...(conditions.length ? { Condition: block } : {}),
    };
  });
  let policy = JSON.stringify({ ...(version ? { Version: version } : {}), Statement: body });
  // Variables only where they are variables; the hand-written cases cover literal ${…}.
  if (version !== '2012-10-17' && policy.includes('${'))
    policy = JSON.stringify({ Version: '2012-10-17', Statement: body });
  const tags = r.tags;
  const request: CaseRequest = {
    roleSessionName: r.roleSessionName,
    ...(r.externalId !== undefined ? { externalId: r.externalId } : {}),
    ...(tags ? { tags } : {}),
    ...(tags && r.transitive ? { transitiveTagKeys: Object.keys(tags) } : {}),
    ...(r.sourceIdentity !== undefined ? { sourceIdentity: r.sourceIdentity } : {}),
  };
  return {
    name: `generated #${index}`,
    policy,
    caller: r.caller,
    request,
    ...documented(policy, statements, r.caller),
  };
}

/** Where AWS's documentation decides the case whatever the peer says. */
function documented(
  policy: string,
  statements: Generated['statements'],
  caller: CallerKind,
): { override?: Override } {
  if (statements.some((s) => s.sid === 'not ok'))
    return {
      override: { expected: 'malformed', doc: SID_DOC, why: 'A Sid is only A-Z, a-z and 0-9.' },
    };
  if (policy.replace(/\s/g, '').length > 2048)
    return {
      override: {
        expected: 'malformed',
        doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html',
        why: 'Role trust policy length: 2,048 characters.',
      },
    };
  if (caller === 'root')
    return {
      override: {
        expected: 'deny:sts:AssumeRole',
        doc: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
        why: 'The account root user cannot call AssumeRole.',
      },
    };
  return {};
}

export const DEFAULT_SEED = 20261130;

/** `count` cases from `seed`; the first n of a larger run are the same n cases. */
export function generateCases(count: number, seed = DEFAULT_SEED): DiffCase[] {
  return fc.sample(generated, { seed, numRuns: count }).map(toCase);
}
