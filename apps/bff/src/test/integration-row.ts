import { ulid } from 'ulid';
import type { IntegrationRow } from '../integrations/repository.js';

/**
 * Every column of an integration row as the app writes it for a plain role in the root
 * space, never checked, for tests and benches that seed the table directly; the caller
 * overrides what it is about.
 */
export function integrationRow(
  name: string,
  overrides: Partial<IntegrationRow> = {},
): IntegrationRow {
  const now = new Date().toISOString();
  return {
    id: ulid(),
    name,
    space_id: 'root',
    role_arn: `arn:aws:iam::222222222222:role/${name}`,
    assume_role_on_worker: 0,
    external_id: null,
    duration_seconds: 3600,
    region: null,
    autoattach_enabled: 0,
    created_at: now,
    updated_at: now,
    version: 1,
    last_verification: null,
    verification_run: null,
    health_state: 'unknown',
    failing_since: null,
    recovered_at: null,
    ...overrides,
  };
}
