import type { Launchpad } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';

type StepId = Launchpad['steps'][number]['id'];

const where: Record<StepId, { to: string; action: string; detail: string }> = {
  'name-account': {
    to: paths.settings,
    action: 'Name your account',
    detail: 'The account name is part of every external ID, so pick it before writing policies.',
  },
  'integrate-cloud': {
    to: paths.newAwsIntegration,
    action: 'Set up an AWS integration',
    detail: 'Create an IAM role that trusts Rolebridge and prove it can be assumed.',
  },
  'create-stack': {
    to: paths.newStack,
    action: 'Create a stack',
    detail: 'A stack runs your infrastructure code with the integration’s credentials.',
  },
  'invite-teammates': {
    to: paths.settings,
    action: 'Invite a teammate',
    detail: 'Send a one-time link so others can plan and apply with you.',
  },
};

export function Checklist({ data }: { data: Launchpad }) {
  const access = useAccess();
  // Naming the account takes a root admin; the other steps an admin of any space.
  const allowed = (id: StepId) =>
    id === 'name-account' ? access.can('admin', 'root') : access.canAnywhere('admin');
  return (
    <ol className="checklist">
      {data.steps.map((step, index) => {
        const target = where[step.id];
        return (
          <li key={step.id} className={`checklist-item${step.complete ? ' is-complete' : ''}`}>
            <span className="checklist-marker" aria-hidden="true">
              {step.complete ? '✓' : index + 1}
            </span>
            <div className="checklist-text">
              <h3 className="checklist-title">{step.title}</h3>
              <p className="muted">{target.detail}</p>
            </div>
            <div className="checklist-action">
              {step.complete ? (
                <Badge tone="success">Complete</Badge>
              ) : !allowed(step.id) ? (
                <span className="muted">An admin does this</span>
              ) : (
                <Link className="btn btn-secondary btn-sm" to={target.to}>
                  {target.action}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
