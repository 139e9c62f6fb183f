import { describeRoleArnProblem, type Hint, type Phase } from '@rolebridge/contracts';
import type { AnalysisResult } from '@rolebridge/trust-policy';
import { awsPrefix, withKeys, type CliTarget } from '../aws/cli-target.js';
import { accessDeniedHints, type DenialFacts } from './access-denied.js';
import { roleNameOf } from './fixes.js';
import { anyStackStatement } from './statements.js';

/**
 * The hint catalogue: the one place that turns an STS outcome into advice. Ids are stable
 * (the console may switch on them); titles and details are for people.
 */

export interface StsFailure {
  code: string;
  message: string;
}

export interface HintContext {
  roleArn: string;
  externalId: string;
  stackSlug: string;
  phase: Phase;
  accountName: string;
  integrationId: string;
  /** Null while STS has not told us who we are; statements then cannot be written out. */
  platformAccountId: string | null;
  durationSeconds: number;
  region: string | null;
  /** The admin's pasted trust policy, analysed for this external ID. */
  analysis?: AnalysisResult;
  pastedPolicy?: string | undefined;
  /** Where the commands in fixes run: the sandbox (endpoint, region, keys) or AWS (null). */
  cli: CliTarget | null;
  /** What else is known about an AccessDenied, to tell its causes apart. */
  facts?: DenialFacts;
}

const OPERATOR_CODES: Record<string, string> = {
  InvalidClientTokenId: 'Its access key ID is not known to AWS (deleted, deactivated or mistyped).',
  UnrecognizedClientException: 'Its access key ID is not known to AWS.',
  SignatureDoesNotMatch:
    'The secret access key does not match the key ID, or the server clock is more than 5 minutes off.',
  IncompleteSignature: 'The request signature is incomplete; check the secret access key.',
  ExpiredToken: 'Its session token has expired; the credential source must refresh it.',
  ExpiredTokenException: 'Its session token has expired; the credential source must refresh it.',
  CredentialsProviderError:
    'No credentials were found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or an instance/task role.',
  MissingAuthenticationToken: 'The request carried no credentials at all.',
};
export const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);
const NETWORK_CODES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'NetworkingError',
]);
/** Errors raised before any request reached STS: nothing answered, late or otherwise. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function validationHints(failure: StsFailure, ctx: HintContext): Hint[] {
  if (/MaxSessionDuration/.test(failure.message)) {
    return [
      {
        id: 'duration-over-max',
        title: "Duration is longer than the role's maximum session duration",
        detail: `The integration asks for ${ctx.durationSeconds} s but the role allows less (AWS: "${failure.message}"). Raise the role's maximum session duration, or lower the integration's Duration.`,
        fix: withKeys(
          ctx.cli,
          `${awsPrefix(ctx.cli)} iam update-role --role-name ${roleNameOf(ctx.roleArn)} --max-session-duration ${Math.max(3600, ctx.durationSeconds)}`,
        ),
      },
    ];
  }
  if (/role chaining/.test(failure.message)) {
    return [
      {
        id: 'duration-role-chaining',
        title: 'Rolebridge itself runs as a role session (operator problem)',
        detail: `AWS limits chained role sessions to 1 hour (AWS: "${failure.message}"). Use a Duration of at most 3600 s, or run Rolebridge with an IAM user's credentials.`,
      },
    ];
  }
  if (/is invalid$/.test(failure.message)) {
    return [
      {
        id: 'role-arn-invalid',
        title: 'AWS does not accept this role ARN',
        detail: `AWS: "${failure.message}". A role ARN looks like arn:aws:iam::123456789012:role/rolebridge.`,
      },
    ];
  }
  return [
    {
      id: 'request-invalid',
      title: 'AWS refused the request parameters',
      detail: `AWS: "${failure.message}".`,
    },
  ];
}

/** Advice for one failed AssumeRole. */
export function hintsForFailure(failure: StsFailure, ctx: HintContext): Hint[] {
  const { code } = failure;
  if (code === 'AccessDenied' || code === 'AccessDeniedException')
    return accessDeniedHints(failure, ctx);
  if (code === 'ValidationError') return validationHints(failure, ctx);
  if (code === 'RegionDisabledException') {
    const region = ctx.region ?? 'the default region';
    return [
      {
        id: 'sts-region-disabled',
        title: `STS is not activated in ${region} for the role's account`,
        detail:
          'An administrator of the role\'s account can activate it: IAM console → Account settings → "Security Token Service (STS)" → Endpoints → activate the region. Or clear the integration\'s Region to use the global endpoint.',
        fix: `IAM → Account settings → STS endpoints → ${region} → Activate`,
      },
    ];
  }
  const operator = OPERATOR_CODES[code];
  if (operator) {
    return [
      {
        id: 'platform-credentials',
        title: "Rolebridge's own AWS credentials do not work (operator problem)",
        detail: `This is not a problem with your role: the credentials the Rolebridge server calls STS with were refused (${code}). ${operator} Ask whoever runs Rolebridge to fix them and restart it.`,
      },
    ];
  }
  if (THROTTLE_CODES.has(code)) {
    return [
      {
        id: 'sts-throttled',
        title: 'AWS is throttling STS calls',
        detail:
          'STS answered "Rate exceeded": too many AssumeRole calls for this account or role right now. Nothing is wrong with the role; verify again in a minute.',
      },
    ];
  }
  if (CONNECT_CODES.has(code)) {
    return [
      {
        id: 'sts-unreachable',
        title:
          code === 'ECONNREFUSED'
            ? 'Rolebridge could not connect to STS (connection refused)'
            : 'Rolebridge could not reach STS (no route or name lookup failed)',
        detail: `The connection to STS${ctx.region ? ` in ${ctx.region}` : ''} failed before any request was sent (${code}: ${failure.message}). Nothing is known about the role yet; check that the server can reach the STS endpoint (and, for a sandbox, that it is running), then verify again.`,
      },
    ];
  }
  if (NETWORK_CODES.has(code)) {
    return [
      {
        id: 'sts-unreachable',
        title: 'STS did not answer in time',
        detail: `Rolebridge could not reach STS${ctx.region ? ` in ${ctx.region}` : ''} (${code}: ${failure.message}). Nothing is known about the role yet; check the server's network access to AWS and verify again.`,
      },
    ];
  }
  return [
    {
      id: 'sts-error',
      title: `STS answered ${code}`,
      detail: `AWS: "${failure.message}".`,
    },
  ];
}

/** The AssumeRole without external ID succeeded: anyone who learns the role ARN can use it. */
export function confusedDeputyHint(ctx: {
  roleArn: string;
  accountName: string;
  platformAccountId: string | null;
}): Hint {
  const fix = anyStackStatement(ctx);
  return {
    id: 'confused-deputy-open',
    title: 'The role can be assumed without an external ID',
    detail:
      `Rolebridge assumed ${ctx.roleArn} without sending an external ID. Any Rolebridge account could then use this role if it learns the ARN (the confused-deputy problem). ` +
      'Add a condition on sts:ExternalId to every Allow statement' +
      (fix ? ', for example:' : '.'),
    ...(fix && { fix }),
    severity: 'warning',
  };
}

/** Cheap near-miss checks made before any AWS call; an empty list means the ARN is a role ARN. */
export function roleArnHints(roleArn: string, platformPartition = 'aws'): Hint[] {
  const problem = describeRoleArnProblem(roleArn);
  const partition = roleArn.split(':')[1] ?? '';
  if (!problem && partition !== platformPartition) {
    // AWS partitions are separate worlds: no principal in one may assume a role in another.
    const names: Record<string, string> = {
      aws: 'AWS commercial regions',
      'aws-cn': 'AWS China',
      'aws-us-gov': 'AWS GovCloud (US)',
    };
    const corrected = roleArn.replace(/^arn:[^:]+:/, `arn:${platformPartition}:`);
    return [
      {
        id: 'arn-wrong-partition',
        title: `The role is in partition ${partition}; Rolebridge runs in ${platformPartition}`,
        detail: `${roleArn} is in ${names[partition] ?? `the ${partition} partition`}, and Rolebridge's identity is in ${names[platformPartition] ?? platformPartition}. A principal in one partition can never assume a role in another, so Rolebridge did not call AWS. If the role is in ${names[platformPartition] ?? platformPartition}, use this ARN:`,
        fix: corrected,
      },
    ];
  }
  if (!problem) return [];
  const corrected = /arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+/.exec(problem)?.[0];
  const trimmed = roleArn.trim();
  const resource = trimmed.split(':').slice(5).join(':');
  const kind = resource.split('/')[0] ?? '';
  const id =
    roleArn !== trimmed
      ? 'arn-whitespace'
      : /^Unknown partition/.test(problem)
        ? 'arn-wrong-partition'
        : /digits/.test(problem)
          ? 'arn-account-id'
          : kind === 'assumed-role'
            ? 'arn-assumed-role'
            : ['user', 'policy', 'instance-profile', 'group', 'root'].includes(kind)
              ? `arn-${kind}`
              : 'arn-not-a-role';
  // Only these messages name the intended role; the others quote an example ARN.
  const named = id === 'arn-instance-profile' || id === 'arn-assumed-role';
  const fix = roleArn !== trimmed ? trimmed : named ? corrected : undefined;
  return [
    {
      id,
      title: 'This is not a role ARN',
      detail: `${problem}. Rolebridge did not call AWS.`,
      ...(fix && { fix }),
    },
  ];
}
