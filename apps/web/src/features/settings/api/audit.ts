import { auditList } from '@rolebridge/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiGet, withQuery } from '../../../lib/api-client';

const PAGE_SIZE = 25;

export type AuditFilters = { action: string };

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), filters] as const,
};

/** Newest first; each page's last id is the cursor for the next. */
export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/api/audit', {
          action: filters.action,
          limit: String(PAGE_SIZE),
          cursor: pageParam,
        }),
        auditList,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/** What the BFF records today; actions seen in the log are added, so new ones still show. */
export const KNOWN_AUDIT_ACTIONS = [
  'account.rename',
  'attachment.create',
  'attachment.update',
  'integration.create',
  'integration.delete',
  'integration.update',
  'integration.verify',
  'invite.accept',
  'invite.create',
  'invite.delete',
  'run.environment',
  'run.start',
  'sandbox.role_create',
  'session.login',
  'session.login_failed',
  'session.logout',
  'space.create',
  'space.delete',
  'space.update',
  'stack.create',
  'stack.delete',
  'stack.update',
  'sts.assume_role',
  'token.create',
  'token.revoke',
] as const;
