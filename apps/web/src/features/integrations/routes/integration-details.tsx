import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PageSpinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { integrationQueryOptions } from '../api/integrations';
import { DeleteIntegration } from '../components/delete-integration';
import { EditIntegrationForm } from '../components/edit-integration-form';
import { IntegrationOverview } from '../components/integration-overview';
import { StatusBadge } from '../components/status-badge';
import { UsedBy } from '../components/used-by';
import { VerificationMatrix } from '../components/verification-matrix';
import { VerificationPanel } from '../components/verification-panel';

export function IntegrationDetailsRoute() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useQuery(integrationQueryOptions(id));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (query.isPending) return <PageSpinner label="Loading integration" />;
  if (query.isError) {
    if (isApiError(query.error, 404)) {
      return (
        <EmptyState
          title="Integration not found"
          actions={<ButtonLink to={paths.integrations}>Back to integrations</ButtonLink>}
        >
          It may have been deleted, or the link is wrong.
        </EmptyState>
      );
    }
    return (
      <Alert
        tone="danger"
        title="Could not load the integration"
        actions={<Button onClick={() => void query.refetch()}>Try again</Button>}
      >
        {query.error.message}
      </Alert>
    );
  }

  const { integration, etag } = query.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={paths.integrations}>
            <span aria-hidden="true">← </span>Back to list
          </Link>
        }
        documentTitle={integration.name}
        title={
          <span className="title-with-badge">
            {integration.name} <StatusBadge integration={integration} />
          </span>
        }
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
              <DeleteIntegration
                integration={integration}
                onDeleted={() => void navigate(paths.integrations, { replace: true })}
              />
            </>
          )
        }
      />
      <div className="stack-lg">
        <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
        <Card title={editing ? 'Edit integration' : 'Details'} id="integration-details">
          {editing ? (
            <EditIntegrationForm
              integration={integration}
              etag={etag}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice('Changes saved.');
              }}
            />
          ) : (
            <IntegrationOverview integration={integration} />
          )}
        </Card>
        <Card title="Used by" id="integration-used-by">
          <UsedBy integrationId={integration.id} />
        </Card>
        {/* Rolebridge cannot assume a worker-assumed role, so there is nothing to tabulate. */}
        {!integration.assumeRoleOnWorker && (
          <Card title="Verification by stack" id="integration-matrix">
            <VerificationMatrix integration={integration} />
          </Card>
        )}
        <Card title="Verification" id="integration-verification">
          <VerificationPanel integration={integration} />
        </Card>
      </div>
    </>
  );
}
