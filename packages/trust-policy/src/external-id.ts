export type Phase = 'read' | 'write';

export interface ExternalIdParts {
  accountName: string;
  integrationId: string;
  stackSlug: string;
  phase: Phase;
}

export const ACCOUNT_NAME = /^[a-z0-9-]{2,39}$/;
export const STACK_SLUG = /^[a-z0-9-]+$/;
// Crockford base32 ULID.
export const INTEGRATION_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** `<account-name>@<integration-id>@<stack-slug>@<read|write>`; read is the plan phase, write the apply phase. */
export function formatExternalId(parts: ExternalIdParts): string {
  return `${parts.accountName}@${parts.integrationId}@${parts.stackSlug}@${parts.phase}`;
}

export function parseExternalId(value: string): ExternalIdParts | undefined {
  const [accountName, integrationId, stackSlug, phase, ...rest] = value.split('@');
  if (rest.length || !accountName || !integrationId || !stackSlug) return undefined;
  if (phase !== 'read' && phase !== 'write') return undefined;
  return { accountName, integrationId, stackSlug, phase };
}

export interface StackAttachment {
  slug: string;
  read?: boolean;
  write?: boolean;
}

/**
 * The external IDs Rolebridge sends for one integration: one per attached
 * stack and enabled phase (a bare slug means both phases).
 */
export function externalIdsFor(input: {
  accountName: string;
  integrationId: string;
  stacks: (string | StackAttachment)[];
}): string[] {
  const ids: string[] = [];
  for (const entry of input.stacks) {
    const stack = typeof entry === 'string' ? { slug: entry, read: true, write: true } : entry;
    for (const phase of ['read', 'write'] as const) {
      if (stack[phase] ?? false)
        ids.push(
          formatExternalId({
            accountName: input.accountName,
            integrationId: input.integrationId,
            stackSlug: stack.slug,
            phase,
          }),
        );
    }
  }
  return ids;
}
