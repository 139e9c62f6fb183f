import type { Generated } from 'kysely';

/** Row types as stored; booleans are 0/1 and times ISO-8601 strings (SQLite has neither). */
export interface Database {
  account: {
    id: number;
    name: string;
    created_at: string;
    updated_at: string;
    named_at: Generated<string | null>;
  };
  users: { id: string; email: string; password_hash: string; created_at: string };
  memberships: { user_id: string; space_id: string; role: string };
  sessions: {
    id_hash: string;
    user_id: string;
    created_at: string;
    expires_at: string;
  };
  api_tokens: {
    id: string;
    name: string;
    secret_hash: string;
    role: string;
    space_id: string;
    created_by: string;
    created_at: string;
    last_used_at: string | null;
    expires_at: Generated<string | null>;
    parent_id: Generated<string | null>;
  };
  spaces: {
    id: string;
    name: string;
    parent_id: string | null;
    description: string;
    inherit_entities: number;
    created_at: string;
  };
  aws_integrations: {
    id: string;
    name: string;
    space_id: string;
    role_arn: string;
    assume_role_on_worker: number;
    external_id: string | null;
    duration_seconds: number;
    region: string | null;
    autoattach_enabled: number;
    created_at: string;
    updated_at: string;
    version: number;
    last_verification: string | null;
    /** The run that wrote last_verification; its background retry writes only while it matches. */
    verification_run: string | null;
    /** 'unknown' | 'healthy' | 'failing', moved by final verdicts only (integration-health). */
    health_state: Generated<string>;
    failing_since: Generated<string | null>;
    recovered_at: Generated<string | null>;
  };
  /** The last checks of each integration, whatever started them; ids are ULIDs, so time-ordered. */
  integration_checks: {
    id: string;
    integration_id: string;
    at: string;
    trigger: string;
    ok: number;
    /** JSON array of { stackSlug, phase, code }. */
    failures: string;
  };
  /** When each integration's next scheduled check is due, and which scheduler holds it. */
  integration_schedule: {
    integration_id: string;
    next_check_at: string;
    lease_owner: string | null;
    lease_until: string | null;
  };
  /** `name` repeats the integration's, so a label's rows are indexed in list order. */
  integration_labels: { integration_id: string; label: string; name: string };
  /** How many integrations carry each label, kept by the repository for the list's plans. */
  label_counts: { label: string; n: number };
  /** SQLite only: stable keys of the FTS5 trigram index `integration_search` (migration 040). */
  integration_search_keys: { key: number; integration_id: string };
  /**
   * Each integration's latest change, written by triggers (migrations 080 and 120).
   * PostgreSQL returns the BIGINT `seq` as a string.
   */
  integration_changes: { integration_id: string; seq: number | string };
  stacks: {
    slug: string;
    name: string;
    space_id: string;
    created_at: string;
    updated_at: string;
    version: number;
  };
  stack_labels: { stack_slug: string; label: string };
  attachments: {
    stack_slug: string;
    integration_id: string;
    read: number;
    write: number;
    created_at: string;
    created_by: string;
  };
  runs: {
    id: string;
    stack_slug: string;
    phase: 'plan' | 'apply';
    created_by: string;
    created_at: string;
    expires_at: string | null;
    integration_id: string | null;
    role_arn: string | null;
    external_id: string | null;
    duration_seconds: number | null;
    region: string | null;
    assume_role_on_worker: number;
    assumed_role_arn: string | null;
    /** JSON array of the computed variable names; never their values. */
    variable_names: string;
    /** STS session name of the run's credentials; null for runs older than migration 060. */
    session_name: string | null;
  };
  invites: {
    id: string;
    email: string;
    role: string;
    space_id: string;
    token_hash: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
  };
  rate_limits: { key: string; count: number; reset_at: number };
  audit_events: {
    id: Generated<number>;
    at: string;
    actor: string;
    action: string;
    target_type: string;
    target_id: string;
    detail: string;
  };
  webhooks: {
    id: string;
    url: string;
    /** JSON array of event types. */
    events: string;
    /** `v1:<iv>:<tag>:<ciphertext>`, base64url; see webhooks/secret-box.ts. */
    secret_encrypted: string;
    created_by: string;
    created_at: string;
  };
  webhook_deliveries: {
    id: string;
    webhook_id: string;
    event: string;
    payload: string;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    response_status: number | null;
    last_error: string | null;
    created_at: string;
    last_attempt_at: string | null;
    /** Epoch ms; null once delivered or given up. */
    next_attempt_at: number | null;
    /** Epoch ms until which one replica holds the delivery while it sends it. */
    lease_until: number | null;
  };
  integration_state_changes: {
    id: string;
    /** IntegrationStateChange as JSON. */
    change: string;
    created_at: string;
    /** Epoch ms until which one replica turns the change into webhook deliveries. */
    lease_until: number | null;
  };
}
