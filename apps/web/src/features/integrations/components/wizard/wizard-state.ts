import { setupPolicyVariant, stackSlug, type VerifyTarget } from '@rolebridge/contracts';
import { useCallback, useState } from 'react';
import { z } from 'zod';

const STORAGE_KEY = 'rolebridge.aws-setup-wizard';

// Parsed on load, so a stale or hand-edited entry falls back to defaults instead of crashing.
const wizardState = z.object({
  variant: setupPolicyVariant.catch('any-stack'),
  stackSlug: z.string().catch(''),
  pastedPolicy: z.string().catch(''),
  roleName: z.string().catch('rolebridge'),
  roleArn: z.string().catch(''),
  createTab: z.string().catch('console'),
  s3: z
    .object({ bucket: z.string(), keyPrefix: z.string(), dynamoDbTable: z.string() })
    .catch({ bucket: '', keyPrefix: '', dynamoDbTable: '' }),
  /** Step 5's form, so a reload or a trip back to step 2 keeps what was typed. */
  draft: z.record(z.string(), z.unknown()).catch({}),
  /** Set once the integration exists: the wizard then shows its verification. */
  createdId: z.string().nullable().catch(null),
  /** Whether it was the console's first, so the LaunchPad's step 2 is announced once only. */
  firstIntegration: z.boolean().catch(false),
});
export type WizardState = z.infer<typeof wizardState>;

const initial: WizardState = wizardState.parse({});

function load(): WizardState {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? wizardState.parse(JSON.parse(raw)) : initial;
  } catch {
    return initial;
  }
}

/**
 * Wizard answers in sessionStorage: they survive a reload but not the closing of the tab.
 * `fresh` (the wizard was opened anew, not reloaded) drops the previous answers and result.
 */
export function useWizardState(fresh: boolean) {
  const [state, setState] = useState(() => {
    if (!fresh) return load();
    sessionStorage.removeItem(STORAGE_KEY);
    return initial;
  });
  const update = useCallback((patch: Partial<WizardState>) => {
    setState((previous) => {
      const next = { ...previous, ...patch };
      try {
        sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the wizard still works, it just forgets on reload.
      }
      return next;
    });
  }, []);
  const reset = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setState(initial);
  }, []);
  return { state, update, reset };
}

export const validStackSlug = (value: string) => stackSlug.safeParse(value).success;

/** What step 2 said about the policy, so the first verification tests a stack it allows. */
export function verifyTargetOf(state: WizardState): VerifyTarget {
  return {
    variant: state.variant,
    ...(state.variant === 'specific-stacks' &&
      validStackSlug(state.stackSlug) && { stackSlugs: [state.stackSlug] }),
    ...(state.pastedPolicy.trim() !== '' && { trustPolicy: state.pastedPolicy }),
  };
}
