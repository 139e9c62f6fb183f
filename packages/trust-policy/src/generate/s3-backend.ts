import type { JsonValue, PolicyDocument } from '../types.js';

export interface S3BackendOptions {
  bucket: string;
  /** Where the state files live, e.g. "stacks/" or "stacks/prod/terraform.tfstate". */
  keyPrefix: string;
  dynamoDbTable?: string;
  /**
   * Terraform ≥ 1.10 `use_lockfile = true`: a `.tflock` object beside the state, which
   * Terraform deletes to unlock. On unless false: DynamoDB locking is deprecated since 1.11.
   */
  lockfile?: boolean;
  partition?: string;
  region?: string;
  accountId?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const TABLE = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Permissions the role needs for Terraform's S3 backend, after
 * https://developer.hashicorp.com/terraform/language/backend/s3#permissions-required
 */
export function s3BackendPolicy(opts: S3BackendOptions): { policy: PolicyDocument; json: string } {
  if (!BUCKET.test(opts.bucket))
    throw new RangeError(`"${opts.bucket}" is not a valid S3 bucket name.`);
  if (opts.dynamoDbTable !== undefined && !TABLE.test(opts.dynamoDbTable)) {
    throw new RangeError(`"${opts.dynamoDbTable}" is not a valid DynamoDB table name.`);
  }
  const partition = opts.partition ?? 'aws';
  const bucketArn = `arn:${partition}:s3:::${opts.bucket}`;
  const prefix = opts.keyPrefix.replace(/^\/+/, '');
  // A prefix ending in "/" (or empty) covers every state under it; a full key covers just that state.
  const isFolder = prefix === '' || prefix.endsWith('/');
  const stateObjects = isFolder ? `${bucketArn}/${prefix}*` : `${bucketArn}/${prefix}`;
  const statements: { [key: string]: JsonValue }[] = [
    { Sid: 'StateBucketList', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn },
    {
      Sid: 'StateReadWrite',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: stateObjects,
    },
  ];
  if (opts.lockfile !== false) {
    statements.push({
      Sid: 'StateLockfile',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: isFolder ? `${bucketArn}/${prefix}*.tflock` : `${bucketArn}/${prefix}.tflock`,
    });
  }
  if (opts.dynamoDbTable !== undefined) {
    statements.push({
      Sid: 'StateLockTable',
      Effect: 'Allow',
      Action: [
        'dynamodb:DescribeTable',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:DeleteItem',
      ],
      Resource: `arn:${partition}:dynamodb:${opts.region ?? '*'}:${opts.accountId ?? '*'}:table/${opts.dynamoDbTable}`,
    });
  }
  const policy: PolicyDocument = { Version: '2012-10-17', Statement: statements };
  return { policy, json: JSON.stringify(policy, null, 2) };
}
