import { launchpad } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api-client';

// Shared because setting up an integration, renaming the account and inviting a teammate
// (three features) each complete a step and must refresh the checklist.
export const launchpadQueryOptions = () =>
  queryOptions({
    queryKey: ['launchpad'],
    queryFn: ({ signal }) => apiGet('/api/launchpad', launchpad, signal),
  });
