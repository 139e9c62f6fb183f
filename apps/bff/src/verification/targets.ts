import type { Hint, Phase, Verification, VerifyTarget } from '@rolebridge/contracts';

/** Stand-in stack slug while no stack uses the integration; any-stack policies admit it. */
export const PROBE_STACK_SLUG = 'rolebridge-verify';
const STACK_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const BOTH: Phase[] = ['read', 'write'];

export interface Pair {
  stackSlug: string;
  phase: Phase;
}

export interface Plan {
  pairs: Pair[];
  /** Said once for the whole verification: which stack was used and why. */
  notes: Hint[];
  /** Nothing can be checked until a stack is attached. */
  deferred: boolean;
}

export interface PlanInput {
  stack?: string | undefined;
  phases?: Phase[] | undefined;
  target?: VerifyTarget | undefined;
  last: Verification | null;
  /** The pasted policy's decision per stack and phase; null when there is no usable paste. */
  allowedBy?: ((candidates: Pair[]) => Set<string> | null) | undefined;
}

const key = (p: Pair) => `${p.stackSlug}@${p.phase}`;
const cross = (slugs: string[], phases: Phase[]) =>
  slugs.flatMap((stackSlug) => phases.map((phase) => ({ stackSlug, phase })));

const note = (id: string, title: string, detail: string): Hint => ({
  id,
  title,
  detail,
  severity: 'info',
});

const probeNote = note(
  'verified-with-probe-stack',
  `Checked with the stand-in stack "${PROBE_STACK_SLUG}"`,
  `No stack uses this integration yet, so Rolebridge sent the external IDs of a stand-in stack named ${PROBE_STACK_SLUG}. A trust policy for any stack admits it; one limited to specific stacks is checked again when you attach a stack.`,
);

/** Stack slugs a pasted policy names in its sts:ExternalId patterns, wildcards made concrete. */
export function slugsInPolicy(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const values: string[] = [];
  const walk = (node: unknown, underExternalId: boolean): void => {
    if (typeof node === 'string' && underExternalId) values.push(node);
    else if (Array.isArray(node)) node.forEach((n) => walk(n, underExternalId));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node))
        walk(v, underExternalId || k.toLowerCase() === 'sts:externalid');
  };
  walk(parsed, false);
  return values
    .map((v) => (v.split('@')[2] ?? '').replace(/[*?]/g, 'x'))
    .filter((slug) => STACK_SLUG.test(slug));
}

/**
 * Which (stack, phase) pairs to assume. A correctly restricted role must never be called
 * broken, so we test a stack the admin says the policy allows, or defer to attach time.
 */
export function planTargets(input: PlanInput): Plan {
  const { target } = input;
  const planOnly = target?.variant === 'plan-only';
  const phases = input.phases ?? (planOnly ? ['read' as const] : BOTH);
  const notes: Hint[] = [];
  if (planOnly && !input.phases) {
    notes.push(
      note(
        'plan-only',
        'Only the read (plan) phase was checked',
        'A plan-only trust policy refuses the write (apply) phase by design, so Rolebridge did not test it.',
      ),
    );
  }
  if (input.stack) return { pairs: cross([input.stack], phases), notes, deferred: false };

  const named = target?.stackSlugs ?? [];
  if (target?.trustPolicy !== undefined && input.allowedBy) {
    const slugs = [...new Set([...named, ...slugsInPolicy(target.trustPolicy), PROBE_STACK_SLUG])];
    const allowed = input.allowedBy(cross(slugs, phases));
    const slug = allowed && slugs.find((s) => phases.some((p) => allowed.has(`${s}@${p}`)));
    if (allowed && slug) {
      const pairs = cross([slug], phases).filter((p) => allowed.has(key(p)));
      if (slug === PROBE_STACK_SLUG) notes.push(probeNote);
      else
        notes.push(
          note(
            'verified-with-allowed-stack',
            `Checked with stack "${slug}"`,
            `The trust policy you pasted admits stack ${slug}, so Rolebridge checked with its external IDs.`,
          ),
        );
      return { pairs, notes, deferred: false };
    }
  }
  const [first] = named;
  if (first) {
    notes.push(
      note(
        'verified-with-allowed-stack',
        `Checked with stack "${first}"`,
        `Your trust policy admits specific stacks, so Rolebridge checked with the external IDs of ${first}.`,
      ),
    );
    return { pairs: cross([first], phases), notes, deferred: false };
  }
  const restricted = target?.variant === 'specific-stacks';
  if (restricted || (!target && input.last?.deferred)) {
    notes.push(
      note(
        'verification-deferred',
        'The role will be checked when you attach a stack',
        'Your trust policy admits only specific stacks and none is attached yet, so there is nothing Rolebridge may assume yet. It assumes the role when you attach the integration to a stack, and says there what is wrong, if anything.',
      ),
    );
    return { pairs: [], notes, deferred: true };
  }
  const previous = target
    ? []
    : (input.last?.results ?? []).map(({ stackSlug, phase }) => ({ stackSlug, phase }));
  const reused = [...new Map(previous.map((p) => [key(p), p])).values()].filter(
    (p) => !input.phases || input.phases.includes(p.phase),
  );
  const pairs = reused.length ? reused : cross([PROBE_STACK_SLUG], phases);
  if (pairs.some((p) => p.stackSlug === PROBE_STACK_SLUG)) notes.push(probeNote);
  return { pairs, notes, deferred: false };
}
