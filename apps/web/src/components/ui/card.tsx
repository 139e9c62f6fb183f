import type { ReactNode } from 'react';

type Props = { title?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string };

export function Card({ title, actions, children, id }: Props) {
  return (
    <section className="card" aria-labelledby={title && id ? `${id}-title` : undefined}>
      {(title || actions) && (
        <div className="card-header">
          {title && (
            <h2 className="card-title" id={id ? `${id}-title` : undefined}>
              {title}
            </h2>
          )}
          {actions && <div className="card-actions">{actions}</div>}
        </div>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
