import { describe, expect, it } from 'vitest';
import { trustPolicy } from '../test/roles.js';
import { PROBE_STACK_SLUG, planTargets, slugsInPolicy } from './targets.js';

const pairs = (plan: ReturnType<typeof planTargets>) =>
  plan.pairs.map((p) => `${p.stackSlug}@${p.phase}`);

describe('which stack and phases a verification tries', () => {
  it('uses the stand-in stack when nothing else is known', () => {
    const plan = planTargets({ last: null });
    expect(pairs(plan)).toEqual([`${PROBE_STACK_SLUG}@read`, `${PROBE_STACK_SLUG}@write`]);
    expect(plan.notes.map((n) => n.id)).toEqual(['verified-with-probe-stack']);
  });

  it('checks only the read phase for a plan-only policy', () => {
    const plan = planTargets({ target: { variant: 'plan-only' }, last: null });
    expect(pairs(plan)).toEqual([`${PROBE_STACK_SLUG}@read`]);
    expect(plan.notes.map((n) => n.id)).toEqual(['plan-only', 'verified-with-probe-stack']);
  });

  it('takes the stack and phases the caller names', () => {
    const plan = planTargets({ stack: 'prod', phases: ['write'], last: null });
    expect(pairs(plan)).toEqual(['prod@write']);
  });

  it('picks a stack the pasted policy allows, only in the phases it allows', () => {
    const plan = planTargets({
      target: { trustPolicy: trustPolicy('demo@*@prod-*@read') },
      last: null,
      allowedBy: (candidates) =>
        new Set(
          candidates
            .filter((c) => c.stackSlug.startsWith('prod-') && c.phase === 'read')
            .map((c) => `${c.stackSlug}@${c.phase}`),
        ),
    });
    expect(pairs(plan)).toEqual(['prod-x@read']);
  });

  it('defers a specific-stacks policy without stacks, and stays deferred on re-verify', () => {
    const plan = planTargets({ target: { variant: 'specific-stacks' }, last: null });
    expect(plan).toMatchObject({ pairs: [], deferred: true });
    const again = planTargets({
      last: {
        ok: false,
        results: [],
        confusedDeputy: { checked: true, open: false },
        deferred: true,
      },
    });
    expect(again.deferred).toBe(true);
  });
});

describe('stack slugs named in a pasted policy', () => {
  it.each([
    [trustPolicy('demo@*'), []],
    [trustPolicy(['demo@*@stack-a@*', 'demo@*@stack-b@read']), ['stack-a', 'stack-b']],
    [trustPolicy('demo@*@app-?@*'), ['app-x']],
    ['{ not json', []],
  ])('%s → %j', (policy, slugs) => {
    expect(slugsInPolicy(policy)).toEqual(slugs);
  });
});
