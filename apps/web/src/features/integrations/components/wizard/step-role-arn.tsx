import { describeRoleArnProblem } from '@rolebridge/contracts';
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../../../components/ui/field';
import { RoleArnFeedback } from '../role-arn-feedback';
import type { StepProps } from './aws-setup-wizard';

export function StepRoleArn({ state, update, onNextCheck, onNext }: StepProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | undefined>();
  const problem = state.roleArn ? describeRoleArnProblem(state.roleArn) : null;

  // An empty field may move on (the ARN can still be pasted in step 5); a wrong one may not.
  useEffect(() => {
    onNextCheck?.(() => {
      if (!problem) return true;
      setRefused(problem);
      inputRef.current?.focus();
      return false;
    });
  }, [onNextCheck, problem]);

  return (
    <>
      <p>
        In the IAM console open <b>Roles</b>, select the role you created and copy the <b>ARN</b>{' '}
        from its summary. It looks like{' '}
        <code className="mono">arn:aws:iam::123456789012:role/rolebridge</code>.
      </p>
      <TextField
        ref={inputRef}
        label="Role ARN"
        className="mono"
        spellCheck={false}
        autoComplete="off"
        placeholder="arn:aws:iam::123456789012:role/rolebridge"
        value={state.roleArn}
        error={refused}
        hint={refused ? undefined : <RoleArnFeedback value={state.roleArn} problem={problem} />}
        enterKeyHint="next"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          onNext?.();
        }}
        onChange={(e) => {
          setRefused(undefined);
          // ARNs hold no spaces; the ones a copy picks up around it are dropped.
          update({ roleArn: e.target.value.trim() });
        }}
      />
    </>
  );
}
