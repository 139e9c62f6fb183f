export type PrincipalType = 'User' | 'Account' | 'AssumedRole';

/** Who signed a request, in the shapes STS and IAM report and policies match. */
export interface Identity {
  type: PrincipalType;
  account: string;
  /** What GetCallerIdentity returns and what AccessDenied messages name. */
  arn: string;
  userId: string;
  /** `aws:PrincipalArn`: for a role session this is the role (with its path), not the session. */
  principalArn: string;
  /** `aws:PrincipalTag/*`: a user's tags; for a role session its role's tags and session tags. */
  tags?: Readonly<Record<string, string>>;
  /** Role sessions: tag keys passed on to sessions this one assumes (role chaining). */
  transitiveTags?: Readonly<Record<string, string>>;
  /** Role sessions: the source identity set when it was issued; it sticks through chaining. */
  sourceIdentity?: string;
  /** Role sessions: when the credentials were issued (epoch ms), `aws:TokenIssueTime`. */
  issuedAt?: number;
}
