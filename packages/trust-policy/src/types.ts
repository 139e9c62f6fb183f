export type Effect = 'Allow' | 'Deny';
export type Decision = 'allow' | 'implicit-deny' | 'explicit-deny';

export interface PolicyError {
  code: string;
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export interface PrincipalBlock {
  /** `"Principal": "*"` or `{"AWS": "*"}`. */
  anyAws: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonicalUser: string[];
}

export interface PolicyCondition {
  operator: string;
  key: string;
  values: string[];
  path: string;
}

export interface PolicyStatement {
  index: number;
  path: string;
  sid?: string;
  effect: Effect;
  principal?: PrincipalBlock;
  /** Invalid in a trust policy; kept so the analyzer can still explain the rest. */
  notPrincipal?: PrincipalBlock;
  actions: string[];
  notAction: boolean;
  conditions: PolicyCondition[];
  hasResource: boolean;
}

export interface TrustPolicy {
  version?: string;
  statements: PolicyStatement[];
  /** The document as plain JSON values, for rewriting a corrected policy. */
  document: PolicyDocument;
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type PolicyDocument = { [key: string]: JsonValue };

export type ParseResult = { ok: true; policy: TrustPolicy } | { ok: false; errors: PolicyError[] };

export interface RequestContext {
  /** Caller, e.g. arn:aws:iam::111111111111:user/rolebridge or arn:aws:sts::111111111111:assumed-role/R/s */
  principalArn: string;
  /** Derived from principalArn when absent. */
  principalAccount?: string;
  /** 'User' | 'AssumedRole' | 'Account' | 'FederatedUser'; derived when absent. */
  principalType?: string;
  /** undefined = not sent. */
  externalId?: string;
  roleSessionName?: string;
  /** Role being assumed (same-account and partition rules). */
  roleArn?: string;
  /** Default 'sts:AssumeRole'. */
  action?: string;
}

export interface ConditionExplanation {
  operator: string;
  key: string;
  values: string[];
  actual: string | string[] | null;
  matched: boolean;
}

export interface StatementExplanation {
  index: number;
  sid?: string;
  effect: Effect;
  principal: { matched: boolean; reason: string };
  action: { matched: boolean };
  conditions: ConditionExplanation[];
  matched: boolean;
}

export interface EvaluationResult {
  decision: Decision;
  statements: StatementExplanation[];
  notes?: string[];
  /** The trust policy alone is not enough: the caller's own IAM policy must also allow the call. */
  requiresIdentityPolicy?: boolean;
}
