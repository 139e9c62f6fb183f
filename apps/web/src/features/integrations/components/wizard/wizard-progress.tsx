import { STEP_COUNT, wizardSteps } from './wizard-steps';

type Props = { step: number; onSelect: (step: number) => void };

/** "Step n of 5" plus the list of steps; earlier steps are links back, later ones plain text. */
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
          return (
            <li key={s.title} className={`wizard-step wizard-step-${state}`}>
              <span className="wizard-step-number" aria-hidden="true">
                {n < step ? '✓' : n}
              </span>
              {n < step ? (
                <button type="button" className="link-button" onClick={() => onSelect(n)}>
                  {s.title}
                  <span className="visually-hidden"> (done)</span>
                </button>
              ) : (
                <span aria-current={n === step ? 'step' : undefined}>{s.title}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
