import type { ReactNode } from 'react';

type Props = { title: string; children?: ReactNode; actions?: ReactNode; icon?: ReactNode };

export function EmptyState({ title, children, actions, icon }: Props) {
  return (
    <div className="empty-state">
      {icon && (
        <div className="empty-state-icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <h2 className="empty-state-title">{title}</h2>
      {children && <div className="empty-state-body">{children}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
