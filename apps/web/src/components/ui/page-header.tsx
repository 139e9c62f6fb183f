import type { ReactNode } from 'react';

type Props = {
  title: ReactNode;
  /** The browser tab's title; defaults to `title` when that is plain text. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
};

export function PageHeader({ title, documentTitle, description, actions, eyebrow }: Props) {
  const tab = documentTitle ?? (typeof title === 'string' ? title : undefined);
  return (
    <div className="page-header">
      {tab && <title>{`${tab} · Rolebridge`}</title>}
      <div className="page-header-text">
        {eyebrow && <div className="page-eyebrow">{eyebrow}</div>}
        <h1 className="page-title">{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
