import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { launchpadQueryOptions } from '../../../../lib/queries/launchpad';
import { CreateIntegrationForm, integrationDefaults } from '../create-integration-form';
import type { IntegrationFormValues } from '../integration-form-fields';
import type { StepProps } from './aws-setup-wizard';
import { SetupResult } from './setup-result';
import { verifyTargetOf, type WizardState } from './wizard-state';

// The stored draft is untrusted (sessionStorage); each field falls back on its own.
const draftSchema = z.object({
  name: z.string().catch(integrationDefaults.name),
  spaceId: z.string().catch(integrationDefaults.spaceId),
  assumeRoleOnWorker: z.boolean().catch(false),
  externalId: z.string().nullable().catch(null),
  durationSeconds: z.number().catch(integrationDefaults.durationSeconds),
  region: z.string().nullable().catch(null),
  labels: z.array(z.string()).catch([]),
  autoattachEnabled: z.boolean().catch(false),
});

function formDefaults(state: WizardState): IntegrationFormValues {
  return { ...draftSchema.parse(state.draft), roleArn: state.roleArn };
}

type Props = StepProps & { onRestart: () => void; focusRoleArn: boolean };

export function StepCreateIntegration({ state, update, onRestart, focusRoleArn }: Props) {
  // Read before Set up: after it, the step may already count this integration.
  const launchpad = useQuery(launchpadQueryOptions());
  const integrateStepOpen =
    launchpad.data?.steps.some((s) => s.id === 'integrate-cloud' && !s.complete) ?? false;
  if (state.createdId !== null) {
    return (
      <SetupResult
        id={state.createdId}
        target={verifyTargetOf(state)}
        firstIntegration={state.firstIntegration}
        onRestart={onRestart}
      />
    );
  }
  return (
    <>
      <p>
        Name the integration and choose the space it lives in. When you click <b>Set up</b>,
        Rolebridge saves it and immediately tries to assume the role, once for planning (read) and
        once for applying (write).
      </p>
      <CreateIntegrationForm
        defaultValues={formDefaults(state)}
        verifyTarget={verifyTargetOf(state)}
        onDraftChange={({ roleArn, ...draft }) => update({ draft, roleArn: roleArn ?? '' })}
        focusRoleArn={focusRoleArn}
        onCreated={(integration) =>
          update({ createdId: integration.id, firstIntegration: integrateStepOpen })
        }
      />
    </>
  );
}
