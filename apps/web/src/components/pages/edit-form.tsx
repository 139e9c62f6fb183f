import type { FormEventHandler, ReactNode } from 'react';
import type { FormAlert } from '../../lib/use-if-match-submit';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

type Props = {
  /** The form's accessible name. */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  formError: FormAlert | null;
  submitting: boolean;
  onCancel: () => void;
  /** The fields. */
  children: ReactNode;
};

/** The frame of a details page's edit form: an error above the fields, Save and Cancel below. */
export function EditForm({ label, onSubmit, formError, submitting, onCancel, children }: Props) {
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
      {formError && (
        <Alert tone="danger" title={formError.title}>
          {formError.detail}
        </Alert>
      )}
      {children}
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={submitting}>
          Save changes
        </Button>
        <Button onClick={onCancel} disabled={submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
