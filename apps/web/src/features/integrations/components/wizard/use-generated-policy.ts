import type { GenerateTrustPolicyRequest } from '@rolebridge/contracts';
import { useQuery } from '@tanstack/react-query';
import { generateTrustPolicyQueryOptions } from '../../api/trust-policy';
import { validStackSlug, type WizardState } from './wizard-state';

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The generator's request for the variant picked in step 2; null while a stack slug is missing. */
export function generateRequestOf(state: WizardState): GenerateTrustPolicyRequest | null {
  const roleName = ROLE_NAME.test(state.roleName) ? state.roleName : 'rolebridge';
  if (state.variant === 'specific-stacks') {
    if (!validStackSlug(state.stackSlug)) return null;
    return { variant: state.variant, stackSlugs: [state.stackSlug], roleName };
  }
  return { variant: state.variant, roleName };
}

export function useGeneratedPolicy(state: WizardState) {
  const request = generateRequestOf(state);
  const query = useQuery({
    ...generateTrustPolicyQueryOptions(request ?? { variant: 'any-stack' }),
    enabled: request !== null,
  });
  return { request, query };
}
