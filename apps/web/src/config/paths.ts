/** Every URL the console links to, so a renamed route changes in one place. */
export const paths = {
  home: '/',
  login: '/login',
  integrations: '/integrations',
  newAwsIntegration: '/integrations/new/aws',
  awsIntegration: (id: string) => `/integrations/aws/${encodeURIComponent(id)}`,
  stacks: '/stacks',
  newStack: '/stacks/new',
  stack: (slug: string) => `/stacks/${encodeURIComponent(slug)}`,
  /** The invite token follows as a #fragment, which the browser never sends to a server. */
  acceptInvite: '/invite',
  settings: '/settings',
} as const;
