import {
  hint,
  run,
  runList,
  stackEnvironment,
  type Hint,
  type RunPhase,
} from '@rolebridge/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiRequest, isApiError } from '../../../lib/api-client';
import { stackKeys, stackPath } from '../../../lib/queries/stacks';

export const runKeys = {
  ofStack: (slug: string) => [...stackKeys.detail(slug), 'runs'] as const,
};

export const environmentKeys = {
  ofStack: (slug: string) => [...stackKeys.detail(slug), 'environment'] as const,
};

export const runsQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: runKeys.ofStack(slug),
    queryFn: ({ signal }) => apiGet(`${stackPath(slug)}/runs`, runList, signal),
    select: (data) => data.items,
  });

/** What a run would get: variable names and the integration behind each, never values. */
export const environmentQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: environmentKeys.ofStack(slug),
    queryFn: ({ signal }) => apiGet(`${stackPath(slug)}/environment`, stackEnvironment, signal),
    select: (data) => data.items,
  });

export function useStartRun(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (phase: RunPhase) =>
      (await apiRequest(`${stackPath(slug)}/runs`, run, { method: 'POST', body: { phase } })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.ofStack(slug) }),
  });
}

/** A refused run (422 `assume_role_failed`) carries the STS error's hints; show them. */
const runFailure = z.object({ hints: z.array(hint) });
export function runFailureHints(error: unknown): Hint[] {
  if (!isApiError(error)) return [];
  const parsed = runFailure.safeParse(error.body);
  return parsed.success ? parsed.data.hints : [];
}
