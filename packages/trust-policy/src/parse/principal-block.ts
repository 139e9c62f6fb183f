import type { JsonNode } from '../json/json-parse.js';
import { pathSegment } from '../json/json-position.js';
import { isAccountId } from '../arn.js';
import type { PrincipalBlock } from '../types.js';
import { describeKind, stringList, uniqueEntries, type Reporter } from './report.js';

const AWS_PRINCIPAL =
  /^arn:aws[a-z-]*:(?:iam::\d{12}:(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)|sts::\d{12}:(?:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+))$/;
// IAM swaps a principal for its unique ID when the user or role is deleted;
// such a policy is still valid but trusts nobody until the ARN is put back.
const UNIQUE_ID = /^A(?:IDA|ROA)[A-Z0-9]{12,}$/;

const TYPES = {
  AWS: 'aws',
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'canonicalUser',
} as const;

export function parsePrincipalBlock(node: JsonNode, path: string, r: Reporter): PrincipalBlock {
  const block: PrincipalBlock = {
    anyAws: false,
    aws: [],
    service: [],
    federated: [],
    canonicalUser: [],
  };
  if (node.kind === 'string') {
    if (node.value === '*') block.anyAws = true;
    else {
      r.error(
        'invalid-principal',
        `A principal written as text can only be "*". To trust an account write {"AWS": "${node.value}"}.`,
        path,
        node.start,
      );
    }
    return block;
  }
  if (node.kind !== 'object') {
    r.error(
      'invalid-principal',
      `Principal must be an object like {"AWS": "123456789012"}, not ${describeKind(node)}.`,
      path,
      node.start,
    );
    return block;
  }
  for (const entry of uniqueEntries(node, path, r)) {
    const entryPath = path + pathSegment(entry.key);
    const type = Object.hasOwn(TYPES, entry.key)
      ? TYPES[entry.key as keyof typeof TYPES]
      : undefined;
    if (type === undefined) {
      r.error(
        'invalid-principal',
        `Unknown principal type "${entry.key}"; use AWS, Service, Federated or CanonicalUser.`,
        entryPath,
        entry.keyStart,
      );
      continue;
    }
    for (const item of stringList(entry.value, entryPath, r, 'invalid-principal', 'A principal')) {
      if (type === 'aws') {
        if (item.value === '*') block.anyAws = true;
        else if (
          !isAccountId(item.value) &&
          !AWS_PRINCIPAL.test(item.value) &&
          !UNIQUE_ID.test(item.value)
        ) {
          r.error('invalid-principal', awsPrincipalProblem(item.value), item.path, item.offset);
          continue;
        }
      }
      block[type].push(item.value);
    }
  }
  return block;
}

function awsPrincipalProblem(value: string): string {
  if (value.includes('*')) {
    return `"${value}" is not a valid principal: AWS does not allow wildcards inside a principal. Use the account ID and narrow it with a condition on aws:PrincipalArn.`;
  }
  if (/^\d+$/.test(value))
    return `"${value}" is not an AWS account ID: account IDs have exactly 12 digits.`;
  return `"${value}" is not a valid AWS principal: use a 12-digit account ID or an IAM user or role ARN like arn:aws:iam::123456789012:role/name.`;
}
