import { account } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../api-client';

// The account (name, AWS mode) frames every page, so it is shared rather than a feature's.
export const accountQueryOptions = () =>
  queryOptions({
    queryKey: ['account'],
    queryFn: ({ signal }) => apiGet('/api/account', account, signal),
    staleTime: 5 * 60_000,
  });
