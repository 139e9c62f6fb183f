import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PageSpinner } from '../../../components/ui/spinner';
import { Tabs } from '../../../components/ui/tabs';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { stackQueryOptions } from '../api/stacks';
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
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(
    searchParams.has('created')
      ? 'Stack created. Attach an AWS integration to give its runs credentials.'
      : null,
  );
  // The tab lives in the URL so a reload or a shared link opens the same one.
  const tabParam = searchParams.get('tab');
  const tab: TabId = isTab(tabParam) ? tabParam : 'integrations';

  if (query.isPending) return <PageSpinner label="Loading stack" />;
  if (query.isError) {
    if (isApiError(query.error, 404))
      return (
        <EmptyState
          title="Stack not found"
          actions={<ButtonLink to={paths.stacks}>Back to stacks</ButtonLink>}
        >
          It may have been deleted, or the link is wrong.
        </EmptyState>
      );
    return (
      <Alert
        tone="danger"
        title="Could not load the stack"
        actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
      >
        {query.error.message}
      </Alert>
    );
  }

  const { stack, etag } = query.data;
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
          !editing && (
            <>
              <Button
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                Edit
              </Button>
              <DeleteStack
                stack={stack}
                onDeleted={() => void navigate(paths.stacks, { replace: true })}
              />
            </>
          )
        }
      />
      <div className="stack-lg">
        <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
        <Card title={editing ? 'Edit stack' : 'Details'} id="stack-details">
          {editing ? (
            <EditStackForm
              stack={stack}
              etag={etag}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice('Changes saved.');
              }}
            />
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
            setNotice(null);
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
