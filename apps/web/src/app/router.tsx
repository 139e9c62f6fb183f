import { createBrowserRouter } from 'react-router';
import { PageSpinner } from '../components/ui/spinner';
import { RequireAuth } from '../features/auth/components/require-auth';
import { AppShell } from './layout/app-shell';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

// Each page is its own chunk, so the login page does not download the integrations code.
export const router = createBrowserRouter([
  {
    path: '/login',
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    lazy: async () => ({ Component: (await import('../features/auth/routes/login')).LoginRoute }),
  },
  {
    // Public: the invitee has no session until they accept. The token is in the #fragment;
    // `:token` only catches links made before that, and the page moves it there at once.
    path: '/invite/:token?',
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    lazy: async () => ({
      Component: (await import('../features/auth/routes/accept-invite')).AcceptInviteRoute,
    }),
  },
  {
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    ErrorBoundary: RouteError,
    HydrateFallback: PageSpinner,
    children: [
      {
        // Page errors render inside the shell, so navigation stays usable.
        ErrorBoundary: RouteError,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/launchpad/routes/launchpad')).LaunchpadRoute,
            }),
          },
          {
            path: 'integrations',
            lazy: async () => ({
              Component: (await import('../features/integrations/routes/integrations-list'))
                .IntegrationsListRoute,
            }),
          },
          {
            path: 'integrations/new/aws',
            lazy: async () => ({
              Component: (await import('../features/integrations/routes/new-aws-integration'))
                .NewAwsIntegrationRoute,
            }),
          },
          {
            path: 'integrations/aws/:id',
            lazy: async () => ({
              Component: (await import('../features/integrations/routes/integration-details'))
                .IntegrationDetailsRoute,
            }),
          },
          {
            path: 'stacks',
            lazy: async () => ({
              Component: (await import('../features/stacks/routes/stacks')).StacksRoute,
            }),
          },
          {
            path: 'stacks/new',
            lazy: async () => ({
              Component: (await import('../features/stacks/routes/new-stack')).NewStackRoute,
            }),
          },
          {
            path: 'stacks/:slug',
            lazy: async () => ({
              Component: (await import('../features/stacks/routes/stack-details'))
                .StackDetailsRoute,
            }),
          },
          {
            path: 'settings',
            lazy: async () => ({
              Component: (await import('../features/settings/routes/settings')).SettingsRoute,
            }),
          },
          { path: '*', Component: NotFoundRoute },
        ],
      },
    ],
  },
]);
