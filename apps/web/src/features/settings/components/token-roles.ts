import type { TokenRole } from '@rolebridge/contracts';

/** One line per role, shown in the picker and beside each token. */
export const TOKEN_ROLES: readonly { role: TokenRole; label: string; explain: string }[] = [
  { role: 'admin', label: 'Admin', explain: 'manage integrations, stacks and attachments' },
  { role: 'write', label: 'Write', explain: 'trigger runs' },
  { role: 'read', label: 'Read', explain: 'view only' },
  { role: 'worker', label: 'Worker', explain: 'may only start runs and fetch their credentials' },
];

export function explainRole(role: TokenRole): string {
  return TOKEN_ROLES.find((r) => r.role === role)?.explain ?? '';
}

/** How long a new token lives; "never" sends no `expiresAt`. */
export const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
] as const;

export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

export function expiresAtFor(choice: ExpiryChoice, now = new Date()): string | undefined {
  if (choice === 'never') return undefined;
  return new Date(now.getTime() + Number(choice) * 86_400_000).toISOString();
}
