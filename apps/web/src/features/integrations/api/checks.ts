import { integrationChecks } from '@rolebridge/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { integrationKeys } from './integrations';

/**
 * The integration's last checks. Keyed under its detail (mutations that invalidate the
 * integration reach it too) and by its last check's time, so a new check loads a new list.
 */
export const integrationChecksQueryOptions = (id: string, lastCheckedAt: string | null) =>
  queryOptions({
    queryKey: [...integrationKeys.detail(id), 'checks', lastCheckedAt] as const,
    queryFn: ({ signal }) =>
      apiGet(`/api/integrations/aws/${encodeURIComponent(id)}/checks`, integrationChecks, signal),
  });
