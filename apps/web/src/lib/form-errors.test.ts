import { describe, expect, it } from 'vitest';
import { partitionFieldErrors } from './form-errors';

describe('partitionFieldErrors', () => {
  const fields = ['name', 'roleArn', 'labels'] as const;

  it('places each server message under its field, nested paths under the top-level one', () => {
    const { placed, unplaced } = partitionFieldErrors(
      [
        { path: 'roleArn', message: 'This is an IAM user ARN' },
        { path: 'labels.2', message: 'Labels cannot contain spaces or commas' },
      ],
      fields,
    );
    expect(placed).toEqual([
      { field: 'roleArn', message: 'This is an IAM user ARN' },
      { field: 'labels', message: 'Labels cannot contain spaces or commas' },
    ]);
    expect(unplaced).toEqual([]);
  });

  it('keeps the first message per field and reports errors the form has no field for', () => {
    const { placed, unplaced } = partitionFieldErrors(
      [
        { path: 'name', message: 'Enter a name' },
        { path: 'name', message: 'Use at most 100 characters' },
        { path: 'colour', message: 'Unrecognized key' },
        { path: '(body)', message: 'Expected an object' },
      ],
      fields,
    );
    expect(placed).toEqual([{ field: 'name', message: 'Enter a name' }]);
    expect(unplaced).toEqual(['colour: Unrecognized key', 'Expected an object']);
  });
});
