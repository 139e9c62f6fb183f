import { DEFAULT_SANDBOX_KEYS } from '@rolebridge/aws-sandbox';

/**
 * Where a command the console shows must run. In sandbox mode every `aws` command carries
 * the sandbox's endpoint and a region, and says which keys to export, so it runs verbatim
 * in a fresh shell; against AWS it is the plain command, with the user's own credentials.
 */
export interface CliTarget {
  endpointUrl: string;
  region: string;
  /** The sandbox customer admin, whose account roles are created in. */
  keyId: string;
  /** Only the public demo secret is shown; an operator's own secret stays on the server. */
  secret: string | null;
}

export function sandboxCliTarget(sandbox: {
  url: string;
  adminCredentials: { accessKeyId: string; secretAccessKey: string };
}): CliTarget {
  const { accessKeyId, secretAccessKey } = sandbox.adminCredentials;
  const demo = secretAccessKey === DEFAULT_SANDBOX_KEYS.adminSecret;
  return {
    endpointUrl: sandbox.url,
    region: 'us-east-1',
    keyId: accessKeyId,
    secret: demo ? secretAccessKey : null,
  };
}

/** `aws` plus the global options the target needs; commands append their own arguments. */
export const awsPrefix = (target: CliTarget | null): string =>
  target ? `aws --endpoint-url ${target.endpointUrl} --region ${target.region}` : 'aws';

/** The line to run first (empty against AWS): exports the sandbox customer admin's keys. */
export function exportKeysLine(target: CliTarget | null): string {
  if (!target) return '';
  const secret = target.secret ?? '<the admin secret printed when Rolebridge started>';
  return `export AWS_ACCESS_KEY_ID=${target.keyId} AWS_SECRET_ACCESS_KEY=${secret}`;
}

/** A complete snippet: the export line (sandbox only), then the commands. */
export function withKeys(target: CliTarget | null, commands: string): string {
  const line = exportKeysLine(target);
  return line ? `${line}\n${commands}` : commands;
}
