import { Link } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';

// The LaunchPad and the setup wizard link here; the stack form arrives with the stacks API.
export function NewStackRoute() {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.stacks}>
            <span aria-hidden="true">← </span>Back to stacks
          </Link>
        }
        title="Create a stack"
      />
      <EmptyState title="Creating stacks is coming soon" icon="▤">
        Stacks, attachments and runs arrive in the next release of the console.
      </EmptyState>
    </>
  );
}
