import { describe, expect, it } from 'vitest';
import { generateRequestOf } from './use-generated-policy';
import { verifyTargetOf, type WizardState } from './wizard-state';
import { stepFromParam } from './wizard-steps';

const state = (patch: Partial<WizardState>): WizardState => ({
  variant: 'any-stack',
  stackSlug: '',
  pastedPolicy: '',
  roleName: 'rolebridge',
  roleArn: '',
  createTab: 'console',
  s3: { bucket: '', keyPrefix: '', dynamoDbTable: '' },
  draft: {},
  createdId: null,
  firstIntegration: false,
  ...patch,
});

describe('stepFromParam', () => {
  it('lands on step 1 for a missing, out-of-range or non-numeric step', () => {
    expect([null, '0', '6', 'two', '2.5'].map(stepFromParam)).toEqual([1, 1, 1, 1, 1]);
    expect(stepFromParam('5')).toBe(5);
  });
});

describe('verifyTargetOf', () => {
  it('names the stack only for the specific-stack variant, and only a valid slug', () => {
    expect(verifyTargetOf(state({ variant: 'specific-stacks', stackSlug: 'prod' }))).toEqual({
      variant: 'specific-stacks',
      stackSlugs: ['prod'],
    });
    expect(verifyTargetOf(state({ variant: 'specific-stacks', stackSlug: 'Prod!' }))).toEqual({
      variant: 'specific-stacks',
    });
    expect(verifyTargetOf(state({ stackSlug: 'prod' }))).toEqual({ variant: 'any-stack' });
  });

  it('sends the pasted policy unless it is blank', () => {
    expect(verifyTargetOf(state({ pastedPolicy: '  ' })).trustPolicy).toBeUndefined();
    expect(verifyTargetOf(state({ pastedPolicy: '{}' })).trustPolicy).toBe('{}');
  });
});

describe('generateRequestOf', () => {
  it('waits for a stack slug before generating a specific-stack policy', () => {
    expect(generateRequestOf(state({ variant: 'specific-stacks' }))).toBeNull();
    expect(generateRequestOf(state({ variant: 'specific-stacks', stackSlug: 'prod' }))).toEqual({
      variant: 'specific-stacks',
      stackSlugs: ['prod'],
      roleName: 'rolebridge',
    });
  });

  it('falls back to the default role name while the typed one is invalid', () => {
    expect(generateRequestOf(state({ roleName: 'bad name' }))?.roleName).toBe('rolebridge');
  });
});
