import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../../../../components/ui/button';
import { StepCreateIntegration } from './step-create-integration';
import { StepCreateRole } from './step-create-role';
import { StepPermissions } from './step-permissions';
import { StepRoleArn } from './step-role-arn';
import { StepTrustPolicy } from './step-trust-policy';
import { WizardProgress } from './wizard-progress';
import { useWizardState, type WizardState } from './wizard-state';
import { STEP_COUNT, stepFromParam, wizardSteps } from './wizard-steps';

export type StepProps = {
  state: WizardState;
  update: (patch: Partial<WizardState>) => void;
  /** Registers a check run when Next is pressed; returning false keeps the user on the step. */
  onNextCheck?: (check: () => boolean) => void;
  /** Next, as Enter in a step's main field presses it. */
  onNext?: () => void;
  /** Step 1's "I already have a role": straight to the form with Role ARN. */
  onSkipToArn?: () => void;
};

const bodies = [StepCreateRole, StepTrustPolicy, StepPermissions, StepRoleArn];

export function AwsSetupWizard() {
  const [searchParams, setSearchParams] = useSearchParams();
  // Every way into the wizard ("Set up integration", the LaunchPad) links without ?step=;
  // Next, Back and a reload keep it. So no step means a new setup, not the last one's result.
  const fresh = !searchParams.has('step');
  const step = stepFromParam(searchParams.get('step'));
  const { state, update, reset } = useWizardState(fresh);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const nextCheck = useRef<(() => boolean) | null>(null);
  // Set by the shortcut: the cursor goes to Role ARN, ready for a paste, not to the heading.
  const [focusRoleArn, setFocusRoleArn] = useState(false);
  const onNextCheck = useCallback((check: () => boolean) => {
    nextCheck.current = check;
  }, []);

  // Focus follows the step so screen readers announce the new heading; not on first load.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    if (!focusRoleArn) headingRef.current?.focus();
  }, [step, focusRoleArn]);

  const goTo = (next: number, options: { focusRoleArn?: boolean } = {}) => {
    nextCheck.current = null;
    setFocusRoleArn(options.focusRoleArn ?? false);
    setSearchParams({ step: String(next) });
  };

  useEffect(() => {
    if (fresh) setSearchParams({ step: '1' }, { replace: true });
  }, [fresh, setSearchParams]);
  const onNext = () => {
    if (nextCheck.current && !nextCheck.current()) return;
    goTo(step + 1);
  };

  const Body = bodies[step - 1];
  const title = wizardSteps[step - 1]?.title ?? '';
  return (
    <div className="wizard">
      <WizardProgress step={step} onSelect={goTo} />
      <div className="card wizard-panel">
        <div className="card-body stack-lg">
          <h2 id="wizard-step-title" className="wizard-title" tabIndex={-1} ref={headingRef}>
            {title}
          </h2>
          {Body ? (
            <Body
              key={step}
              state={state}
              update={update}
              onNextCheck={onNextCheck}
              onNext={onNext}
              onSkipToArn={() => goTo(STEP_COUNT, { focusRoleArn: true })}
            />
          ) : (
            <StepCreateIntegration
              state={state}
              update={update}
              focusRoleArn={focusRoleArn}
              onRestart={() => {
                reset();
                goTo(1);
              }}
            />
          )}
          <div className="wizard-nav">
            {step > 1 && state.createdId === null && (
              <Button onClick={() => goTo(step - 1)}>
                <span aria-hidden="true">← </span>Back
              </Button>
            )}
            {step < STEP_COUNT && (
              <Button variant="primary" onClick={onNext}>
                Next<span aria-hidden="true"> →</span>
              </Button>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
