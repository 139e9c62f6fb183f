import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { DetailsFallback } from '../../../components/pages/details-fallback';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { paths } from '../../../config/paths';
import { useAccess } from '../../../lib/access/use-access';
import { useEditMode } from '../../../lib/use-edit-mode';
import { integrationQueryOptions } from '../api/integrations';
import { DeleteIntegration } from '../components/delete-integration';
import { EditIntegrationForm } from '../components/edit-integration-form';
import { HealthTimeline } from '../components/health-timeline';
import { IntegrationOverview } from '../components/integration-overview';
import { StatusBadge } from '../components/status-badge';
import { UsedBy } from '../components/used-by';
import { VerificationMatrix } from '../components/verification-matrix';
import { VerificationPanel } from '../components/verification-panel';

export function IntegrationDetailsRoute() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useQuery(integrationQueryOptions(id));
  const edit = useEditMode();
  const access = useAccess();

  if (!query.isSuccess) {
    return (
      <DetailsFallback
        query={query}
        noun="integration"
        back={{ to: paths.integrations, label: 'Back to integrations' }}
      />
    );
  }

  const { integration, etag } = query.data;
  const isAdmin = access.can('admin', integration.spaceId);
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
          isAdmin &&
          !edit.editing && (
            <>
              <Button onClick={edit.start}>Edit</Button>
              <DeleteIntegration
                integration={integration}
                onDeleted={() => void navigate(paths.integrations, { replace: true })}
              />
            </>
          )
        }
      />
      <div className="stack-lg">
        <div aria-live="polite">{edit.notice && <Alert tone="success">{edit.notice}</Alert>}</div>
        <Card title={edit.editing ? 'Edit integration' : 'Details'} id="integration-details">
          {edit.editing ? (
            <EditIntegrationForm
              integration={integration}
              etag={etag}
              onCancel={edit.cancel}
              onSaved={edit.saved}
            />
          ) : (
            <IntegrationOverview integration={integration} />
          )}
        </Card>
        {/* Near the top: whether the role still works matters more than the details below. */}
        {!integration.assumeRoleOnWorker && (
          <Card title="Health" id="integration-health">
            <HealthTimeline integration={integration} />
          </Card>
        )}
        <Card title="Used by" id="integration-used-by">
          <UsedBy integrationId={integration.id} />
        </Card>
        {/* Rolebridge cannot assume a worker-assumed role, so there is nothing to tabulate. */}
        {!integration.assumeRoleOnWorker && (
          <Card title="Verification by stack" id="integration-matrix">
            <VerificationMatrix integration={integration} canVerify={isAdmin} />
          </Card>
        )}
        <Card title="Verification" id="integration-verification">
          <VerificationPanel integration={integration} canVerify={isAdmin} />
        </Card>
      </div>
    </>
  );
}
