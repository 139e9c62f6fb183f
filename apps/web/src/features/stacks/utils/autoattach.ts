const PREFIX = 'autoattach:';

/**
 * The integration label that auto-attached it to a stack with these labels, for the
 * "Auto-attached" explanation: `autoattach:<x>` where the stack has `<x>`, or `autoattach:*`.
 */
export function autoattachLabel(
  integrationLabels: readonly string[],
  stackLabels: readonly string[],
): string | null {
  const targets = integrationLabels.filter((l) => l.startsWith(PREFIX));
  return (
    targets.find((l) => stackLabels.includes(l.slice(PREFIX.length))) ??
    targets.find((l) => l === `${PREFIX}*`) ??
    null
  );
}
