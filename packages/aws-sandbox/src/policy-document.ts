import { SANDBOX_USERS, isSandboxAccount } from './accounts.js';
import { AwsError } from './query-protocol.js';
import type { RoleStore } from './state.js';
import { TRUST_POLICY_QUOTA, parsePolicy } from './trust.js';
import type { TrustPolicy } from './trust.js';

// IAM's own checks on a role's trust policy, before any evaluation semantics.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html

const malformed = (message: string) => new AwsError('MalformedPolicyDocument', message, 400);

const AWS_PRINCIPAL =
  /^(?:\*|\d{12}|arn:aws:iam::\d{12}:root|arn:aws:iam::(\d{12}):(user|role)((?:\/[\u0021-\u007E]*)?\/)([\w+=,.@-]+)|arn:aws:sts::\d{12}:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+)$/;

/** Mirrors IAM's answers to a bad trust policy; the parser's own texts are for the console. */
export function checkTrustPolicy(text: string, roles: RoleStore): TrustPolicy {
  if (text.replace(/\s/g, '').length > TRUST_POLICY_QUOTA) {
    throw new AwsError(
      'LimitExceeded',
      `Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_QUOTA}`,
      409,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed('This policy contains invalid Json');
  }
  for (const principal of awsPrincipals(json)) {
    if (!principalExists(principal, roles)) {
      throw malformed(`Invalid principal in policy: "AWS":"${principal}"`);
    }
  }
  const parsed = parsePolicy(text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    if (first?.code === 'invalid-principal') throw malformed('Invalid principal in policy');
    // IAM's text, as reported by CloudFormation and the AWS CLI users in
    // https://github.com/aws-cloudformation/cfn-lint/issues/1376 and
    // https://github.com/Wolox/carthage_cache/issues/22
    if (first?.code === 'invalid-sid') {
      throw malformed(
        'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
      );
    }
    throw malformed(first?.message ?? 'Syntax errors in policy.');
  }
  return parsed.policy;
}

/** IAM resolves principals in its own accounts at write time and rejects unknown ones. */
function principalExists(principal: string, roles: RoleStore): boolean {
  const m = AWS_PRINCIPAL.exec(principal);
  if (!m) return false;
  const [, account, kind, path, name] = m;
  if (account === undefined || !isSandboxAccount(account)) return true;
  if (kind === 'user') return SANDBOX_USERS.includes(principal);
  const role = roles.get(account, name ?? '');
  return role !== undefined && role.path === path;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function awsPrincipals(doc: unknown): string[] {
  if (!isRecord(doc)) return [];
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const out: string[] = [];
  for (const statement of statements) {
    if (!isRecord(statement) || !isRecord(statement.Principal)) continue;
    const aws = statement.Principal.AWS;
    for (const value of Array.isArray(aws) ? aws : [aws]) {
      if (typeof value === 'string') out.push(value);
    }
  }
  return out;
}
