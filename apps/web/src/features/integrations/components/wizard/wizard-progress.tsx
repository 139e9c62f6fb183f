import { STEP_COUNT, wizardSteps } from './wizard-steps';

type Props = { step: number; onSelect: (step: number) => void };

/**
 * "Step n of 5" plus the list of steps; earlier steps are buttons back, later ones plain
 * text. On a phone only the current step keeps its title on screen (the others keep it for
 * screen readers), so the bar fits on one line.
 */
export function WizardProgress({ step, onSelect }: Props) {
  return (
    <nav className="wizard-progress" aria-label="Setup steps">
      <p className="wizard-progress-count">
        Step {step} of {STEP_COUNT}
      </p>
      <ol className="wizard-steps">
        {wizardSteps.map((s, index) => {
          const n = index + 1;
          const state = n < step ? 'done' : n === step ? 'current' : 'todo';
          const label = (
            <>
              <span className="wizard-step-number" aria-hidden="true">
                {n < step ? '✓' : n}
              </span>
              <span className="wizard-step-title">{s.title}</span>
            </>
          );
          return (
            <li key={s.title} className={`wizard-step wizard-step-${state}`}>
              {n < step ? (
                <button type="button" className="wizard-step-link" onClick={() => onSelect(n)}>
                  {label}
                  <span className="visually-hidden"> (done)</span>
                </button>
              ) : (
                <span className="wizard-step-link" aria-current={n === step ? 'step' : undefined}>
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
