export type PrincipalType = 'User' | 'Account' | 'AssumedRole';

/** Who signed a request, in the shapes STS and IAM report and policies match. */
export interface Identity {
  type: PrincipalType;
  account: string;
  /** What GetCallerIdentity returns and what AccessDenied messages name. */
  arn: string;
  userId: string;
  /** `aws:PrincipalArn`: for a role session this is the role, not the session. */
  principalArn: string;
}
