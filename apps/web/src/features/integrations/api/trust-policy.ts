import {
  analyzeTrustPolicyResponse,
  generateTrustPolicyResponse,
  type AnalyzeTrustPolicyRequest,
  type GenerateTrustPolicyRequest,
} from '@rolebridge/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const trustPolicyKeys = {
  all: ['trust-policy'] as const,
  generate: (input: GenerateTrustPolicyRequest) =>
    [...trustPolicyKeys.all, 'generate', input] as const,
  analyze: (input: AnalyzeTrustPolicyRequest) =>
    [...trustPolicyKeys.all, 'analyze', input] as const,
};

// Both endpoints are pure functions of their input (POST only because the input is large),
// so they are cached as queries: going Back and Next in the wizard costs no request.
export const generateTrustPolicyQueryOptions = (input: GenerateTrustPolicyRequest) =>
  queryOptions({
    queryKey: trustPolicyKeys.generate(input),
    queryFn: async ({ signal }) =>
      (
        await apiRequest('/api/trust-policy/generate', generateTrustPolicyResponse, {
          method: 'POST',
          body: input,
          signal,
        })
      ).data,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

export const analyzeTrustPolicyQueryOptions = (input: AnalyzeTrustPolicyRequest) =>
  queryOptions({
    queryKey: trustPolicyKeys.analyze(input),
    queryFn: async ({ signal }) =>
      (
        await apiRequest('/api/trust-policy/analyze', analyzeTrustPolicyResponse, {
          method: 'POST',
          body: input,
          signal,
        })
      ).data,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
