import { Link, useNavigate } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { CreateStackForm } from '../components/create-stack-form';

// The LaunchPad's "Create first stack" step and the setup wizard's success message link here.
export function NewStackRoute() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.stacks}>
            <span aria-hidden="true">← </span>Back to stacks
          </Link>
        }
        title="Create a stack"
        description="A stack is one unit of infrastructure code. Its runs get AWS credentials from the integrations you attach to it."
      />
      <div className="narrow">
        <Card>
          <CreateStackForm
            onCreated={(stack) =>
              void navigate(`${paths.stack(stack.slug)}?created=1`, { replace: true })
            }
          />
        </Card>
      </div>
    </>
  );
}
