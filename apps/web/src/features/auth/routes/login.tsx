import { useQuery } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageSpinner } from '../../../components/ui/spinner';
import { sessionQueryOptions } from '../../../lib/queries/session';
import { LoginForm } from '../components/login-form';
import { REDIRECT_PARAM, safeRedirect } from '../utils/redirect';

export function LoginRoute() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useQuery(sessionQueryOptions());
  const target = safeRedirect(searchParams.get(REDIRECT_PARAM));

  if (session.isPending) return <PageSpinner label="Checking your session" />;
  if (session.data) return <Navigate to={target} replace />;

  return (
    <main className="login-page">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Rolebridge</span>
        </div>
        <h1 className="login-title">Log in to your console</h1>
        <p className="login-subtitle">
          Connect your infrastructure runs to AWS without long-lived keys.
        </p>
        <LoginForm onSuccess={() => void navigate(target, { replace: true })} />
      </div>
    </main>
  );
}
