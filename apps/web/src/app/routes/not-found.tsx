import { ButtonLink } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { paths } from '../../config/paths';

export function NotFoundRoute() {
  return (
    <EmptyState
      title="Page not found"
      actions={<ButtonLink to={paths.home}>Go to LaunchPad</ButtonLink>}
    >
      <title>Page not found · Rolebridge</title>
      The address may be mistyped, or the page has moved.
    </EmptyState>
  );
}
