import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';

export function StacksRoute() {
  return (
    <>
      <PageHeader title="Stacks" />
      <EmptyState title="Stacks are coming soon" icon="▤">
        Stacks, attachments and runs arrive in the next release of the console.
      </EmptyState>
    </>
  );
}
