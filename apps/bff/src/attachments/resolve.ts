import type { Attachment, AttachmentList, Phase } from '@rolebridge/contracts';

/**
 * Which integrations a stack uses, decided from stored direct attachments and labels on
 * each read, so a label change on either side takes effect at once
 * (docs/decisions/003-autoattach-computed.md). Pure: the caller loads the facts.
 */

export interface IntegrationRef {
  id: string;
  name: string;
  spaceId: string;
  region: string | null;
  assumeRoleOnWorker: boolean;
  updatedAt: string;
}

export interface DirectAttachment {
  stackSlug: string;
  integration: IntegrationRef;
  read: boolean;
  write: boolean;
  createdAt: string;
}

export interface AutoCandidate {
  integration: IntegrationRef;
  /** What follows `autoattach:` in its labels; `*` matches every stack. */
  targets: string[];
}

export interface StackFacts {
  slug: string;
  name: string;
  space_id: string;
  labels: string[];
  updated_at: string;
}

export interface Effective {
  attachment: Attachment;
  integration: IntegrationRef;
}

export interface Resolution {
  items: Effective[];
  conflicts: AttachmentList['conflicts'];
}

const PHASES: Phase[] = ['read', 'write'];
const later = (a: string, b: string) => (a > b ? a : b);

/** The integration's label a stack with these labels matches (`autoattach:prod`), if any. */
export function matchingLabel(
  candidate: AutoCandidate,
  labels: readonly string[],
): string | undefined {
  const target =
    candidate.targets.find((t) => labels.includes(t)) ?? candidate.targets.find((t) => t === '*');
  return target === undefined ? undefined : `autoattach:${target}`;
}

/**
 * Direct attachments win their phases. An auto-attachment is read+write, so it applies only
 * when both phases are free; otherwise it is reported as a conflict, never dropped silently.
 * Among auto-attachments the oldest integration (smallest ULID) wins.
 */
export function resolveStack(
  stack: StackFacts,
  direct: readonly DirectAttachment[],
  autos: readonly AutoCandidate[],
  usableSpaceIds: readonly string[],
): Resolution {
  const holder = new Map<Phase, string>();
  const items: Effective[] = [];
  const base = { stackSlug: stack.slug, stackName: stack.name, stackSpaceId: stack.space_id };
  const entry = (
    integration: IntegrationRef,
    rest: Omit<
      Attachment,
      keyof typeof base | 'integrationId' | 'integrationName' | 'integrationSpaceId'
    >,
  ): Effective => ({
    integration,
    attachment: {
      integrationId: integration.id,
      integrationName: integration.name,
      integrationSpaceId: integration.spaceId,
      ...base,
      ...rest,
    },
  });
  for (const d of direct) {
    if (d.stackSlug !== stack.slug) continue;
    items.push(
      entry(d.integration, {
        read: d.read,
        write: d.write,
        isAutoattached: false,
        createdAt: d.createdAt,
      }),
    );
    for (const p of PHASES) if (d[p]) holder.set(p, d.integration.name);
  }
  const directIds = new Set(items.map((i) => i.integration.id));
  const conflicts: Resolution['conflicts'] = [];
  const sorted = [...autos].sort((a, b) => (a.integration.id < b.integration.id ? -1 : 1));
  for (const auto of sorted) {
    const { integration } = auto;
    if (directIds.has(integration.id)) continue;
    const label = matchingLabel(auto, stack.labels);
    if (!usableSpaceIds.includes(integration.spaceId) || label === undefined) continue;
    const clash = PHASES.filter((p) => holder.has(p));
    if (clash.length > 0) {
      const holders = [...new Set(clash.map((p) => holder.get(p)))].join(' and ');
      conflicts.push({
        integrationId: integration.id,
        integrationName: integration.name,
        stackSlug: stack.slug,
        stackName: stack.name,
        stackSpaceId: stack.space_id,
        label,
        cause: 'phase_held',
        reason: `Stack ${stack.name} matches ${label} but already has integration ${holders} attached for ${clash.join(' and ')}; a stack takes at most one AWS integration per phase.`,
      });
      continue;
    }
    items.push(
      entry(integration, {
        read: true,
        write: true,
        isAutoattached: true,
        createdAt: later(stack.updated_at, integration.updatedAt),
      }),
    );
    for (const p of PHASES) holder.set(p, integration.name);
  }
  return { items, conflicts };
}

/** The one integration a stack uses for a phase, if any. */
export function forPhase(resolution: Resolution, phase: Phase): Effective | undefined {
  return resolution.items.find((i) => i.attachment[phase]);
}
