import { useCallback, useEffect, useRef } from 'react';
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
};

const bodies = [StepCreateRole, StepTrustPolicy, StepPermissions, StepRoleArn];

export function AwsSetupWizard() {
  const [searchParams, setSearchParams] = useSearchParams();
  const step = stepFromParam(searchParams.get('step'));
  const { state, update, reset } = useWizardState();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const nextCheck = useRef<(() => boolean) | null>(null);
  const onNextCheck = useCallback((check: () => boolean) => {
    nextCheck.current = check;
  }, []);

  // Focus follows the step so screen readers announce the new heading; not on first load.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  const goTo = (next: number) => {
    nextCheck.current = null;
    setSearchParams({ step: String(next) });
  };
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
            <Body key={step} state={state} update={update} onNextCheck={onNextCheck} />
          ) : (
            <StepCreateIntegration
              state={state}
              update={update}
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
