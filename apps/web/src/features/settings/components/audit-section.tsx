import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { AuditLog } from './audit-log';

/**
 * Closed until asked for: the log only grows, and its rows repeat every email and name on
 * the page, which would crowd the account and team sections above (and their searches).
 */
export function AuditSection() {
  const [open, setOpen] = useState(false);
  return (
    <Card
      title="Audit log"
      id="audit"
      actions={
        <Button
          size="sm"
          aria-expanded={open}
          aria-controls="audit-log-panel"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide audit log' : 'Show audit log'}
        </Button>
      }
    >
      <div className="stack-md">
        <p className="muted">
          Who did what: logins, changes to the account, integrations and stacks, and every
          AssumeRole. Secrets are never recorded.
        </p>
        <div id="audit-log-panel" hidden={!open}>
          {open && <AuditLog />}
        </div>
      </div>
    </Card>
  );
}
