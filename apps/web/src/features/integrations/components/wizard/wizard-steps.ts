export const wizardSteps = [
  { title: 'Create a role in AWS' },
  { title: 'Configure trust policy' },
  { title: 'Configure role permissions' },
  { title: 'Copy the role ARN' },
  { title: 'Create the cloud integration' },
] as const;

export const STEP_COUNT = wizardSteps.length;

/** `?step=` from the URL, clamped, so a shared or reloaded link lands on a real step. */
export function stepFromParam(value: string | null): number {
  const step = Number(value);
  return Number.isInteger(step) && step >= 1 && step <= STEP_COUNT ? step : 1;
}
