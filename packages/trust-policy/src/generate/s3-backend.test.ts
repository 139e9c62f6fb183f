import { describe, expect, it } from 'vitest';
import { s3BackendPolicy } from './s3-backend.js';

const resources = (opts: Parameters<typeof s3BackendPolicy>[0]) =>
  (
    s3BackendPolicy(opts).policy.Statement as {
      Sid: string;
      Resource: string;
      Action: string | string[];
    }[]
  ).map((s) => [s.Sid, s.Resource]);

describe('s3BackendPolicy', () => {
  it('grants list on the bucket and read/write under the prefix', () => {
    expect(resources({ bucket: 'tf-state', keyPrefix: 'stacks/', lockfile: false })).toEqual([
      ['StateBucketList', 'arn:aws:s3:::tf-state'],
      ['StateReadWrite', 'arn:aws:s3:::tf-state/stacks/*'],
    ]);
  });

  it('lets Terraform delete its S3 lock file to unlock, unless the lock file is turned off', () => {
    const statement = (
      s3BackendPolicy({ bucket: 'tf-state', keyPrefix: 'stacks/' }).policy.Statement as {
        Sid: string;
        Action: string[];
        Resource: string;
      }[]
    ).find((s) => s.Sid === 'StateLockfile');
    expect(statement).toEqual({
      Sid: 'StateLockfile',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::tf-state/stacks/*.tflock',
    });
  });

  it('scopes to one state file when the key is a file', () => {
    expect(
      resources({ bucket: 'tf-state', keyPrefix: '/prod/terraform.tfstate', lockfile: true }),
    ).toEqual([
      ['StateBucketList', 'arn:aws:s3:::tf-state'],
      ['StateReadWrite', 'arn:aws:s3:::tf-state/prod/terraform.tfstate'],
      ['StateLockfile', 'arn:aws:s3:::tf-state/prod/terraform.tfstate.tflock'],
    ]);
  });

  it('adds the DynamoDB lock table when given', () => {
    const json = s3BackendPolicy({
      bucket: 'tf-state',
      keyPrefix: '',
      dynamoDbTable: 'tf-locks',
      region: 'eu-west-1',
      accountId: '222222222222',
    }).json;
    expect(json).toContain('arn:aws:dynamodb:eu-west-1:222222222222:table/tf-locks');
    expect(json).toContain('dynamodb:DeleteItem');
    expect(json).toContain('arn:aws:s3:::tf-state/*');
  });

  it('refuses names S3 and DynamoDB would refuse', () => {
    expect(() => s3BackendPolicy({ bucket: 'Bad_Bucket', keyPrefix: '' })).toThrow(/bucket name/);
    expect(() =>
      s3BackendPolicy({ bucket: 'ok-bucket', keyPrefix: '', dynamoDbTable: 'x' }),
    ).toThrow(/table name/);
  });
});
