/** Who calls AssumeRole: each exists in the sandbox, so the same call can be made for real. */
export type CallerKind = 'user' | 'customer-user' | 'root' | 'session' | 'session-si';

export interface CaseRequest {
  externalId?: string;
  roleSessionName?: string;
  tags?: Record<string, string>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
}

/** 'malformed': IAM refuses the document at CreateRole; 'deny:<action>': the action STS names. */
export type Outcome =
  | 'allow'
  | 'malformed'
  | 'deny:sts:AssumeRole'
  | 'deny:sts:TagSession'
  | 'deny:sts:SetSourceIdentity';

export interface Override {
  expected: Outcome;
  /** The AWS documentation page that says the peer is wrong here. */
  doc: string;
  why: string;
}

export interface DiffCase {
  name: string;
  /** The trust policy as sent to CreateRole. */
  policy: string;
  caller: CallerKind;
  request: CaseRequest;
  /** Outside what packages/trust-policy/README.md claims (only counted in the overall figure). */
  unclaimed?: boolean;
  override?: Override;
}

export interface CaseResult {
  case: DiffCase;
  expected: Outcome;
  peer: Outcome;
  /** Keys the peer dropped from an action's context (see PeerAnswer). */
  peerDropped: string[];
  evaluator: Outcome;
  /** `error:…` when STS answered something other than an allow or AccessDenied. */
  sandbox: Outcome | `error:${string}`;
  /** Only for requests with an external ID: the analyzer models Rolebridge's own calls. */
  analyzer?: Outcome;
}
