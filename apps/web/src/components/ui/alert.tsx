import type { ReactNode } from 'react';

type Props = {
  tone?: 'danger' | 'warning' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
};

/** Errors and warnings interrupt (role=alert); info and success are polite status updates. */
export function Alert({ tone = 'info', title, children, actions }: Props) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`alert alert-${tone}`} role={urgent ? 'alert' : 'status'}>
      <div className="alert-content">
        {title && <p className="alert-title">{title}</p>}
        {children && <div className="alert-body">{children}</div>}
      </div>
      {actions && <div className="alert-actions">{actions}</div>}
    </div>
  );
}
