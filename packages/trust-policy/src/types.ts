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
  /**
   * aws:PrincipalArn when principalArn alone cannot say it: for a role session, the role's
   * ARN with its path (the session ARN drops the path). Derived (path "/") when absent.
   */
  principalRoleArn?: string;
  /** aws:userid: `AIDA…` for a user, `AROA…:<session>` for a role session; absent when unknown. */
  userId?: string;
  /** aws:PrincipalTag/*: the user's tags, or for a role session its role's and session's tags. */
  principalTags?: Readonly<Record<string, string>>;
  /** undefined = not sent. */
  externalId?: string;
  roleSessionName?: string;
  /** `Tags` sent with AssumeRole: aws:RequestTag/*, aws:TagKeys; they need sts:TagSession. */
  sessionTags?: Readonly<Record<string, string>>;
  /** `TransitiveTagKeys` sent with AssumeRole: sts:TransitiveTagKeys. */
  transitiveTagKeys?: readonly string[];
  /** `SourceIdentity` sent (or carried over by a role session): sts:SourceIdentity; needs sts:SetSourceIdentity. */
  sourceIdentity?: string;
  /** aws:SourceIdentity: the source identity already set on the caller's session. */
  callerSourceIdentity?: string;
  /** aws:SourceIp: the caller's address as STS sees it. */
  sourceIp?: string;
  /** Epoch milliseconds: aws:CurrentTime and aws:EpochTime; absent when undefined. */
  now?: number;
  /** Epoch milliseconds the caller's temporary credentials were issued: aws:TokenIssueTime. */
  tokenIssueTime?: number;
  /** Seconds since the caller authenticated with MFA: aws:MultiFactorAuthAge (and Present=true). */
  multiFactorAuthAge?: number;
  /** aws:RequestedRegion: the region the request was signed for. */
  requestedRegion?: string;
  /** aws:SecureTransport; default true, since STS only answers over TLS. */
  secureTransport?: boolean;
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
