export interface IntegrationStateChange {
  type: 'integration.failing' | 'integration.recovered';
  integrationId: string;
  /** ISO time of the check that changed the state. */
  at: string;
  trigger: 'create' | 'attach' | 'manual' | 'edit' | 'scheduled';
  /** Set when type is integration.failing. */
  failingSince: string | null;
  /** The failed checks of that check; empty when recovered. */
  failures: { stackSlug: string | null; phase: 'plan' | 'apply' | null; code: string }[];
  firstHint: string | null;
}
export type StateChangeListener = (change: IntegrationStateChange) => Promise<void>;
