import { sessionQueryKey } from '../lib/queries/session';
import { createQueryClient } from '../lib/query-client';

// Any 401 means the session ended; clearing the cached user lets RequireAuth send the user
// to /login with the current URL to return to.
export const queryClient = createQueryClient({
  onUnauthorized: () => queryClient.setQueryData(sessionQueryKey, null),
});
