import { PLATFORM } from '../callers.js';
import type { CallerKind, CaseRequest, DiffCase, Override } from '../types.js';

export const PAST = '2001-01-01T00:00:00Z';
export const FUTURE = '2099-01-01T00:00:00Z';
export const OPERATORS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
export const TAGGING = ['sts:AssumeRole', 'sts:TagSession'];
export type Json = Record<string, unknown>;

export interface Options {
  caller?: CallerKind;
  request?: CaseRequest;
  version?: string | null;
  override?: Override;
  unclaimed?: boolean;
  /** Statements after the first. */
  extra?: Json[];
}

/** The first statement trusts the platform account for sts:AssumeRole unless it says otherwise. */
function policy(statement: Json, version: string | null = '2012-10-17', extra: Json[] = []) {
  const s = {
    Effect: 'Allow',
    Principal: { AWS: PLATFORM },
    Action: 'sts:AssumeRole',
    ...statement,
  };
  return JSON.stringify({ ...(version ? { Version: version } : {}), Statement: [s, ...extra] });
}

/** Collects hand-written cases with short builders. */
export class CaseBook {
  readonly cases: DiffCase[] = [];

  add(name: string, statement: Json, o: Options = {}): void {
    this.cases.push({
      name,
      policy: policy(statement, o.version === undefined ? '2012-10-17' : o.version, o.extra),
      caller: o.caller ?? 'user',
      request: o.request ?? {},
      ...(o.override ? { override: o.override } : {}),
      ...(o.unclaimed ? { unclaimed: true } : {}),
    });
  }

  when(name: string, condition: Json, o: Options = {}): void {
    this.add(name, { Condition: condition }, o);
  }
}

export const ext = (externalId: string): Options => ({ request: { externalId } });
export const tagged = (
  tags: Record<string, string>,
  transitiveTagKeys: string[] = [],
): Options => ({
  request: { tags, transitiveTagKeys },
});
