import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { DetailsFallback } from '../../../components/pages/details-fallback';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Tabs } from '../../../components/ui/tabs';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { stackAttachmentsQueryOptions } from '../../../lib/queries/attachments';
import { useEditMode } from '../../../lib/use-edit-mode';
import { stackQueryOptions } from '../../../lib/queries/stacks';
import { DeleteStack } from '../components/delete-stack';
import { EditStackForm } from '../components/edit-stack-form';
import { EnvironmentTab } from '../components/environment-tab';
import { IntegrationsTab } from '../components/integrations-tab';
import { StackOverview } from '../components/stack-overview';

const TABS = ['integrations', 'environment'] as const;
type TabId = (typeof TABS)[number];
const isTab = (value: string | null): value is TabId => TABS.some((t) => t === value);

export function StackDetailsRoute() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useQuery(stackQueryOptions(slug));
  const access = useAccess();
  const edit = useEditMode();
  const attachments = useQuery(stackAttachmentsQueryOptions(slug));
  // The advice holds until something is attached, by hand or by an autoattach label.
  const showCreated =
    searchParams.has('created') &&
    attachments.data !== undefined &&
    attachments.data.items.length === 0;
  // The tab lives in the URL so a reload or a shared link opens the same one.
  const tabParam = searchParams.get('tab');
  const tab: TabId = isTab(tabParam) ? tabParam : 'integrations';

  if (!query.isSuccess) {
    return (
      <DetailsFallback
        query={query}
        noun="stack"
        back={{ to: paths.stacks, label: 'Back to stacks' }}
      />
    );
  }

  const { stack, etag } = query.data;
  const isAdmin = access.can('admin', stack.spaceId);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.stacks}>
            <span aria-hidden="true">← </span>Back to stacks
          </Link>
        }
        title={stack.name}
        actions={
          isAdmin &&
          !edit.editing && (
            <>
              <Button onClick={edit.start}>Edit</Button>
              <DeleteStack
                stack={stack}
                onDeleted={() => void navigate(paths.stacks, { replace: true })}
              />
            </>
          )
        }
      />
      <div className="stack-lg">
        <div aria-live="polite">
          {edit.notice && <Alert tone="success">{edit.notice}</Alert>}
          {showCreated && !edit.notice && (
            <Alert tone="success">
              Stack created. Attach an AWS integration to give its runs credentials.
            </Alert>
          )}
        </div>
        <Card title={edit.editing ? 'Edit stack' : 'Details'} id="stack-details">
          {edit.editing ? (
            <EditStackForm stack={stack} etag={etag} onCancel={edit.cancel} onSaved={edit.saved} />
          ) : (
            <StackOverview stack={stack} />
          )}
        </Card>
        <Tabs
          label="Stack sections"
          selected={tab}
          onSelect={(id) => {
            const next = new URLSearchParams(searchParams);
            next.delete('created');
            next.set('tab', id);
            edit.setNotice(null);
            setSearchParams(next, { replace: true });
          }}
          tabs={[
            { id: 'integrations', label: 'Integrations', panel: <IntegrationsTab stack={stack} /> },
            { id: 'environment', label: 'Environment', panel: <EnvironmentTab stack={stack} /> },
          ]}
        />
      </div>
    </>
  );
}
